package fr.pasdecalais.habitat.aap.agreement.process;

import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Signaler le retard au superviseur": the final report is flagged late and escalated. */
@Component
public class EscalateFinalReport implements JavaDelegate {

  private final ReportingService reporting;

  public EscalateFinalReport(ReportingService reporting) {
    this.reporting = reporting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reporting.escalate((Number) execution.getVariable(GrantAgreementProcess.VAR_FINAL_REPORT_ID));
  }
}
