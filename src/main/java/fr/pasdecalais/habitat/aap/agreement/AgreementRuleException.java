package fr.pasdecalais.habitat.aap.agreement;

/**
 * A business rule of the convention refused an input (an amount, a date, a quantity): says which
 * rule, with a French message shown back in the form. The process glue
 * ({@code agreement.process}) turns the rule into the BPMN error its model catches.
 */
public class AgreementRuleException extends RuntimeException {

  /** Which input a rule refused. */
  public enum Rule { AGREEMENT, SIGNATURE, QUANTITIES, AMENDMENT }

  private final Rule rule;

  public AgreementRuleException(Rule rule, String message) {
    super(message);
    this.rule = rule;
  }

  public Rule getRule() {
    return rule;
  }
}
