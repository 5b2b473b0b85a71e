package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_PAYMENT_AMOUNT_LABEL;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_PAYMENT_ERROR;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_PAYMENT_KIND_LABEL;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_PAYMENT_ORDER_NUMBER;

import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.shared.Money;
import fr.pasdecalais.habitat.aap.shared.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The variables "Valider le mandatement" shows: the order's id, number, kind and amount (as text). */
final class PaymentVariables {

  private PaymentVariables() {}

  static void set(DelegateExecution execution, Payment p) {
    ProcessVariables.setChanged(execution, GrantAgreementProcess.VAR_PAYMENT_ID, p.getId());
    ProcessVariables.setChanged(execution, VAR_PAYMENT_ORDER_NUMBER, p.getOrderNumber());
    ProcessVariables.setChanged(execution, VAR_PAYMENT_KIND_LABEL, p.getKind().label());
    ProcessVariables.setChanged(execution, VAR_PAYMENT_AMOUNT_LABEL, Money.format(p.getAmount()));
    ProcessVariables.setChanged(execution, VAR_PAYMENT_ERROR, null);
  }
}
