package fr.pasdecalais.habitat.aap.agreement.process;

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
    reporting.flagLate((Number) execution.getVariable("reportId"));
  }
}
