package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.payment.PaymentRefusedException;
import fr.pasdecalais.habitat.aap.payment.PaymentService;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer le paiement": the mandate number and payment date entered by finances. */
@Component("confirmPayment")
public class ConfirmPaymentDelegate implements JavaDelegate {

  private final PaymentService payments;
  private final AgreementService agreements;

  public ConfirmPaymentDelegate(PaymentService payments, AgreementService agreements) {
    this.payments = payments;
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate paidOn;
    try {
      paidOn = FormValues.date(execution.getVariable("paymentDate"));
    } catch (IllegalArgumentException e) {
      throw new AgreementRuleExceptionAsBpmn(PaymentRefusedException.ERROR_CODE, e.getMessage());
    }
    Delegates.bpmn(() -> payments.confirm(Delegates.longVar(execution, GrantAgreementProcess.VAR_PAYMENT_ID), paidOn,
        (String) execution.getVariable("mandateNumber")));
    execution.setVariable("paymentError", null);
    execution.setVariables(agreements.formVariables(Delegates.agreementId(execution)));
  }
}
