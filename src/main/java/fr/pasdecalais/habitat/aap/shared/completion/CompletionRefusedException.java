package fr.pasdecalais.habitat.aap.shared.completion;

import fr.pasdecalais.habitat.aap.shared.DomainException.FieldProblem;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task completion refused by its {@link CompletionRules}: the faulty fields and a French message
 * for each. Thrown by the engine's complete listener, it rolls the completion back (the task stays
 * open, nothing is written); {@code web.ApiExceptionHandler} answers 400 with the fields listed.
 */
public class CompletionRefusedException extends FormFieldValidationException {

  private static final long serialVersionUID = 1L;

  private final transient List<FieldProblem> problems;

  public CompletionRefusedException(String taskName, List<FieldProblem> problems) {
    super(problems.isEmpty() ? "form" : problems.get(0).field(), message(taskName, problems));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** "Formulaire « … » à corriger : « field » : message ; …" */
  public static String message(String taskName, List<FieldProblem> problems) {
    return "Formulaire" + (taskName == null ? "" : " « " + taskName + " »") + " à corriger : "
        + problems.stream().map(p -> p.field() + " — " + p.message()).collect(Collectors.joining(" ; "));
  }
}
