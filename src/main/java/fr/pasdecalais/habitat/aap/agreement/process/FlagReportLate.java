package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_REPORT_ID;

import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Signaler le retard du bilan": the interim report is flagged late (shown by the API). */
@Component
public class FlagReportLate implements JavaDelegate {

  private final ReportingService reporting;

  public FlagReportLate(ReportingService reporting) {
    this.reporting = reporting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reporting.flagLate((Number) execution.getVariable(VAR_REPORT_ID));
  }
}
