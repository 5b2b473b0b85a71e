package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_REPORT_DUE_LABEL;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_REPORT_ID;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_REPORT_LABEL;

import fr.pasdecalais.habitat.aap.agreement.AgreementDates;
import fr.pasdecalais.habitat.aap.agreement.AgreementLifecycleService;
import fr.pasdecalais.habitat.aap.reporting.Report;
import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Préparer la relance de l'opérateur" (interim report): the reminder letter, sent by the next task. */
@Component
public class RemindReport implements JavaDelegate {

  private final AgreementLifecycleService agreements;
  private final ReportingService reporting;

  public RemindReport(AgreementLifecycleService agreements, ReportingService reporting) {
    this.agreements = agreements;
    this.reporting = reporting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Number reportId = (Number) execution.getVariable(VAR_REPORT_ID);
    Long notificationId = agreements.reportReminder(AgreementExecution.agreementId(execution), reportId);
    Report r = reporting.get(reportId);
    execution.setVariable(ProcessContract.VAR_NOTIFICATION_ID, notificationId);
    execution.setVariable(VAR_REPORT_LABEL, r.title());
    execution.setVariable(VAR_REPORT_DUE_LABEL, AgreementDates.french(r.getDueOn()));
  }
}
