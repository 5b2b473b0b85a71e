package fr.pasdecalais.habitat.aap.payment;

/**
 * A payment order or confirmation that the rules forbid (total above the granted amount, a date in
 * the future…). The message is French: delegates turn it into a {@code BpmnError}, the API into a
 * problem detail.
 */
public class PaymentRefusedException extends RuntimeException {

  /** The BPMN error code the models catch. */
  public static final String ERROR_CODE = "PAYMENT_REFUSED";

  public PaymentRefusedException(String message) {
    super(message);
  }
}
