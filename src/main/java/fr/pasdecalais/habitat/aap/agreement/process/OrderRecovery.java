package fr.pasdecalais.habitat.aap.agreement.process;

import fr.pasdecalais.habitat.aap.agreement.AgreementSettlementService;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Émettre le titre de recette": paid − due, and the letter to the operator (sent by the next task). */
@Component
public class OrderRecovery implements JavaDelegate {

  private final AgreementSettlementService agreements;

  public OrderRecovery(AgreementSettlementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AgreementSettlementService.Recovery r = AgreementExecution.bpmn(() -> agreements.orderRecovery(AgreementExecution.agreementId(execution)));
    PaymentVariables.set(execution, r.payment());
    execution.setVariable(ProcessContract.VAR_NOTIFICATION_ID, r.notificationId());
  }
}
