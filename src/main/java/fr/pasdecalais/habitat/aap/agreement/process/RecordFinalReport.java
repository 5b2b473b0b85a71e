package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_FINAL_REPORT_APPROVED;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_FINAL_REPORT_DECISION;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_INDICATORS;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_QUANTITIES;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_REPORT_RECEIVED_ON;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_REPORT_SUMMARY;

import fr.pasdecalais.habitat.aap.agreement.AgreementFormService;
import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.ProcessVariables;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer le bilan final": the indicator values (code → value, from the dynamic list), the
 * summary and the review; prepares the lines of "Constater le service fait".
 */
@Component
public class RecordFinalReport implements JavaDelegate {

  private final ReportingService reporting;
  private final AgreementFormService agreements;

  public RecordFinalReport(ReportingService reporting, AgreementFormService agreements) {
    this.reporting = reporting;
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Number reportId = (Number) execution.getVariable(GrantAgreementProcess.VAR_FINAL_REPORT_ID);
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map<String, Object> line : FormValues.items(execution.getVariable(VAR_INDICATORS))) {
      Object value = line.get("value") != null ? line.get("value") : line.get("textValue");
      values.put(String.valueOf(line.get("code")), value);
    }
    reporting.receive(reportId, FormValues.date(execution.getVariable(VAR_REPORT_RECEIVED_ON)), FormValues.json(values),
        (String) execution.getVariable(VAR_REPORT_SUMMARY));
    boolean approved = "APPROVED".equals(execution.getVariable(VAR_FINAL_REPORT_DECISION));
    reporting.review(reportId, approved);
    execution.setVariable(VAR_FINAL_REPORT_APPROVED, approved);
    Long agreementId = AgreementExecution.agreementId(execution);
    execution.setVariable(VAR_QUANTITIES, AgreementExecution.jsonList(agreements.serviceLines(agreementId)));
    ProcessVariables.setChanged(execution, agreements.formVariables(agreementId));
  }
}
