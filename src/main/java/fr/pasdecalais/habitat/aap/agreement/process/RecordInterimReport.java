package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_REPORT_ID;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_REPORT_RECEIVED_ON;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_REPORT_SUMMARY;

import fr.pasdecalais.habitat.aap.reporting.Report;
import fr.pasdecalais.habitat.aap.reporting.ReportReceived;
import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer le bilan intermédiaire" (and "Enregistrer le bilan demandé"): date of receipt and
 * summary; publishes {@link ReportReceived} for what depends on an interim report (an instalment).
 */
@Component
public class RecordInterimReport implements JavaDelegate {

  private final ReportingService reporting;
  private final ApplicationEventPublisher events;

  public RecordInterimReport(ReportingService reporting, ApplicationEventPublisher events) {
    this.reporting = reporting;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Report r = reporting.receive((Number) execution.getVariable(VAR_REPORT_ID),
        FormValues.date(execution.getVariable(VAR_REPORT_RECEIVED_ON)), null,
        (String) execution.getVariable(VAR_REPORT_SUMMARY));
    // "interim report received": e.g. an instalment due at the interim report listens to it
    events.publishEvent(new ReportReceived(r.getAgreementId(), r.getId(), r.getKind(), r.getCode(), r.getOccurrence(),
        execution.getProcessInstanceId()));
  }
}
