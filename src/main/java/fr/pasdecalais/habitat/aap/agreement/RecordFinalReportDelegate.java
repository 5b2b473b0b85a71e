package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer le bilan final": the indicator values (code → value, from the dynamic list), the
 * summary and the review; prepares the lines of "Constater le service fait".
 */
@Component("recordFinalReport")
public class RecordFinalReportDelegate implements JavaDelegate {

  private final ReportingService reporting;
  private final AgreementService agreements;

  public RecordFinalReportDelegate(ReportingService reporting, AgreementService agreements) {
    this.reporting = reporting;
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Number reportId = (Number) execution.getVariable(GrantAgreementProcess.VAR_FINAL_REPORT_ID);
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map<String, Object> line : FormValues.items(execution.getVariable("indicators"))) {
      values.put(String.valueOf(line.get("code")), line.get("value"));
    }
    reporting.receive(reportId, FormValues.date(execution.getVariable("reportReceivedOn")), FormValues.json(values),
        (String) execution.getVariable("reportSummary"));
    boolean approved = "APPROVED".equals(execution.getVariable("finalReportDecision"));
    reporting.review(reportId, approved);
    execution.setVariable("finalReportApproved", approved);
    Long agreementId = Delegates.agreementId(execution);
    execution.setVariable("quantities", Delegates.jsonList(agreements.serviceLines(agreementId)));
    execution.setVariables(agreements.formVariables(agreementId));
  }
}
