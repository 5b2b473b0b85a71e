package fr.pasdecalais.habitat.aap.shared;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A business precondition refused the change (a convention for a dossier never granted, an opinion
 * in the name of someone else, a payment of an unsigned convention…), whatever door was used: the
 * engine's Java API, its REST API, Tasklist or {@code /api}. The message is French and meant for the
 * person who tried.
 *
 * <p>Thrown from a synchronous listener or delegate, it rolls back the whole engine command (the
 * start or the completion): no half-written record, no instance left, the task stays open. It is a
 * {@link FormFieldValidationException} so that Camunda's REST API and Tasklist answer 400 with the
 * message ("Cannot complete task …: &lt;message&gt;") rather than 500; {@code /api} answers 409
 * ({@link ApiExceptionHandler}). {@link #getDetail()} names the rule (e.g. {@code juryMember}).
 */
public class RefusedException extends FormFieldValidationException {

  private static final long serialVersionUID = 1L;

  public RefusedException(String rule, String message) {
    super(rule, message);
  }

  /** The rule that refused, e.g. {@code grantedDecision}, {@code juryMember}, {@code signedAgreement}. */
  public String rule() {
    return getDetail();
  }
}
