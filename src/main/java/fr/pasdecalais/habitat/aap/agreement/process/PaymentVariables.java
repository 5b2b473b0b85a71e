package fr.pasdecalais.habitat.aap.agreement.process;

import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.shared.Money;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The variables "Valider le mandatement" shows: the order's id, number, kind and amount (as text). */
final class PaymentVariables {

  private PaymentVariables() {}

  static void set(DelegateExecution execution, Payment p) {
    execution.setVariable(GrantAgreementProcess.VAR_PAYMENT_ID, p.getId());
    execution.setVariable("paymentOrderNumber", p.getOrderNumber());
    execution.setVariable("paymentKindLabel", p.getKind().label());
    execution.setVariable("paymentAmountLabel", Money.format(p.getAmount()));
    execution.setVariable("paymentError", null);
  }
}
