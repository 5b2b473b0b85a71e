package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_FINAL_REPORT_DUE_LABEL;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_INDICATORS;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_INTERIM_REPORT_COUNT;

import fr.pasdecalais.habitat.aap.agreement.AgreementDates;
import fr.pasdecalais.habitat.aap.agreement.AgreementFormService;
import fr.pasdecalais.habitat.aap.agreement.AgreementLifecycleService;
import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Planifier les bilans": the reports of the call's schedule, as rows; the interim ones feed the
 * sequential multi-instance (a Java list of ids), the final one carries the call's indicators.
 *
 * <p>Why a generic indicator block: a Camunda Form is one static JSON per deployment, it cannot
 * grow fields per call. The final report form therefore has a dynamic list bound to
 * {@code indicators}, pre-filled here from the call's indicator definitions (code, label, unit)
 * and returned with a {@code value} per line. A fixed set of keys (indicator1…indicatorN) would
 * cap the number of indicators and lose their codes; the list keeps both.
 */
@Component
public class PlanReports implements JavaDelegate {

  private final AgreementLifecycleService agreements;
  private final AgreementFormService forms;
  private final ReportingService reporting;

  public PlanReports(AgreementLifecycleService agreements, AgreementFormService forms, ReportingService reporting) {
    this.agreements = agreements;
    this.forms = forms;
    this.reporting = reporting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long agreementId = AgreementExecution.agreementId(execution);
    ReportingService.Plan plan = agreements.planReports(agreementId);
    execution.setVariable(GrantAgreementProcess.VAR_INTERIM_REPORT_IDS, new ArrayList<>(plan.interimReportIds()));
    execution.setVariable(VAR_INTERIM_REPORT_COUNT, plan.interimReportIds().size());
    execution.setVariable(GrantAgreementProcess.VAR_FINAL_REPORT_ID, plan.finalReportId());
    execution.setVariable(VAR_FINAL_REPORT_DUE_LABEL, AgreementDates.french(reporting.get(plan.finalReportId()).getDueOn()));
    execution.setVariable(VAR_INDICATORS, AgreementExecution.jsonList(forms.indicatorLines(agreementId)));
  }
}
