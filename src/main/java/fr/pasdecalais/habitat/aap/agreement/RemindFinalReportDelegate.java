package fr.pasdecalais.habitat.aap.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Préparer la relance de l'opérateur" (final report, one month before it is due). */
@Component("remindFinalReport")
public class RemindFinalReportDelegate implements JavaDelegate {

  private final AgreementService agreements;

  public RemindFinalReportDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(GrantAgreementProcess.VAR_NOTIFICATION_ID, agreements.reportReminder(
        Delegates.agreementId(execution), (Number) execution.getVariable(GrantAgreementProcess.VAR_FINAL_REPORT_ID)));
  }
}
