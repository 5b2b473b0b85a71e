package fr.pasdecalais.habitat.aap.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Ordonner le solde": amount due − paid, idempotent. */
@Component("orderBalance")
public class OrderBalanceDelegate implements JavaDelegate {

  private final AgreementService agreements;

  public OrderBalanceDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PaymentVariables.set(execution, Delegates.bpmn(() -> agreements.orderBalance(Delegates.agreementId(execution))));
  }
}
