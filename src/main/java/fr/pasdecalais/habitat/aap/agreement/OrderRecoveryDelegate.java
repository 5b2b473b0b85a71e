package fr.pasdecalais.habitat.aap.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Émettre le titre de recette": paid − due, and the letter to the operator (sent by the next task). */
@Component("orderRecovery")
public class OrderRecoveryDelegate implements JavaDelegate {

  private final AgreementService agreements;

  public OrderRecoveryDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AgreementService.Recovery r = Delegates.bpmn(() -> agreements.orderRecovery(Delegates.agreementId(execution)));
    PaymentVariables.set(execution, r.payment());
    execution.setVariable(GrantAgreementProcess.VAR_NOTIFICATION_ID, r.notificationId());
  }
}
