package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_REPORT_ID;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_REPORT_RECEIVED_ON;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_REPORT_SUMMARY;

import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer le bilan intermédiaire": date of receipt and summary. */
@Component
public class RecordInterimReport implements JavaDelegate {

  private final ReportingService reporting;

  public RecordInterimReport(ReportingService reporting) {
    this.reporting = reporting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reporting.receive((Number) execution.getVariable(VAR_REPORT_ID),
        FormValues.date(execution.getVariable(VAR_REPORT_RECEIVED_ON)), null,
        (String) execution.getVariable(VAR_REPORT_SUMMARY));
  }
}
