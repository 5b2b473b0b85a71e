package fr.pasdecalais.habitat.aap.agreement.process;

import fr.pasdecalais.habitat.aap.agreement.AgreementLifecycleService;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Préparer la relance de l'opérateur" (final report, one month before it is due). */
@Component
public class RemindFinalReport implements JavaDelegate {

  private final AgreementLifecycleService agreements;

  public RemindFinalReport(AgreementLifecycleService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ProcessContract.VAR_NOTIFICATION_ID, agreements.reportReminder(
        AgreementExecution.agreementId(execution), (Number) execution.getVariable(GrantAgreementProcess.VAR_FINAL_REPORT_ID)));
  }
}
