package fr.pasdecalais.habitat.aap.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A business refusal of an API request: carries the HTTP status, a French title and detail, and
 * optionally the faulty fields. Rendered as RFC 7807 problem details by {@link ApiExceptionHandler}.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final List<FieldProblem> fieldProblems;

  public ApiException(HttpStatus status, String title, String detail, List<FieldProblem> fieldProblems) {
    super(detail);
    this.status = status;
    this.title = title;
    this.fieldProblems = fieldProblems == null ? List.of() : List.copyOf(fieldProblems);
  }

  public ApiException(HttpStatus status, String title, String detail) {
    this(status, title, detail, List.of());
  }

  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, "Ressource introuvable", detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, "Conflit", detail);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, "Accès refusé", detail);
  }

  public static ApiException invalid(List<FieldProblem> problems) {
    return new ApiException(HttpStatus.BAD_REQUEST, "Données invalides",
        problems.size() == 1 ? "1 champ est invalide." : problems.size() + " champs sont invalides.", problems);
  }

  public static ApiException invalid(String field, String message) {
    return invalid(List.of(new FieldProblem(field, message)));
  }

  public HttpStatus getStatus() {
    return status;
  }

  public String getTitle() {
    return title;
  }

  public List<FieldProblem> getFieldProblems() {
    return fieldProblems;
  }

  /** One faulty field: its path in the request (e.g. {@code lots[0].closesAt}) and a French message. */
  public record FieldProblem(String field, String message) {}
}
