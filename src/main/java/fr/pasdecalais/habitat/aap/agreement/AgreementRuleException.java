package fr.pasdecalais.habitat.aap.agreement;

/**
 * A business rule of the convention refused an input (an amount, a date, a quantity): carries the
 * BPMN error code the model catches and a French message shown back in the form.
 */
public class AgreementRuleException extends RuntimeException {

  private final String errorCode;

  public AgreementRuleException(String errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  public String getErrorCode() {
    return errorCode;
  }
}
