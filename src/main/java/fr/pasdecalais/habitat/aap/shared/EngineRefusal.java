package fr.pasdecalais.habitat.aap.shared;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A refusal of the product's rules met while the engine runs a person's request (a Tasklist start
 * form whose service task is synchronous), as a form field validation failure: the engine's REST API
 * answers 400 to a form submission with the French message
 * (Tasklist shows it), the start rolls back, and no incident is created. A refusal of who is asking
 * ({@link DomainException.Kind#FORBIDDEN}, e.g. a titre of the other payer) is an
 * {@link AuthorizationException}, which the REST API answers 403 with the same French sentence.
 */
public final class EngineRefusal {

  private EngineRefusal() {}

  public static RuntimeException of(DomainException e) {
    if (e.getKind() == DomainException.Kind.FORBIDDEN) {
      return new AuthorizationException(e.getMessage());
    }
    String message = e.getFieldProblems().isEmpty() ? e.getMessage()
        : e.getFieldProblems().stream().map(DomainException.FieldProblem::message).collect(Collectors.joining(" "));
    String field = e.getFieldProblems().isEmpty() ? "form" : e.getFieldProblems().get(0).field();
    return new FormFieldValidationException(field, message);
  }
}
