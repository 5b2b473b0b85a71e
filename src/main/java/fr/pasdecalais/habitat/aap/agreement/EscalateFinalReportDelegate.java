package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Signaler le retard au superviseur": the final report is flagged late and escalated. */
@Component("escalateFinalReport")
public class EscalateFinalReportDelegate implements JavaDelegate {

  private final ReportingService reporting;

  public EscalateFinalReportDelegate(ReportingService reporting) {
    this.reporting = reporting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reporting.escalate((Number) execution.getVariable(GrantAgreementProcess.VAR_FINAL_REPORT_ID));
  }
}
