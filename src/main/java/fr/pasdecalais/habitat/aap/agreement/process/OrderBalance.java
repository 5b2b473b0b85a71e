package fr.pasdecalais.habitat.aap.agreement.process;

import fr.pasdecalais.habitat.aap.agreement.AgreementSettlementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Ordonner le solde": amount due − paid, idempotent. */
@Component
public class OrderBalance implements JavaDelegate {

  private final AgreementSettlementService agreements;

  public OrderBalance(AgreementSettlementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PaymentVariables.set(execution, AgreementExecution.bpmn(() -> agreements.orderBalance(AgreementExecution.agreementId(execution))));
  }
}
