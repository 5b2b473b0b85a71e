package fr.pasdecalais.habitat.aap.shared;

import java.util.List;

/**
 * A business refusal: what went wrong ({@link Kind}), a French title and detail, and optionally the
 * faulty fields. Services throw it without knowing HTTP; {@code web.ApiExceptionHandler} renders it
 * as RFC 7807 problem details, the {@link Kind} choosing the status.
 */
public class DomainException extends RuntimeException {

  /** What kind of refusal: the web layer maps each to one HTTP status. */
  public enum Kind {
    /** No such record (404). */
    NOT_FOUND,
    /** The record's state forbids the change (409). */
    CONFLICT,
    /** The caller may not do this (403). */
    FORBIDDEN,
    /** The request's data are invalid (400). */
    INVALID,
    /** An uploaded file is over the size limit (413). */
    TOO_LARGE,
    /** An uploaded file's content is of a refused type (415). */
    UNSUPPORTED_CONTENT
  }

  private final Kind kind;
  private final String title;
  private final List<FieldProblem> fieldProblems;

  public DomainException(Kind kind, String title, String detail, List<FieldProblem> fieldProblems) {
    super(detail);
    this.kind = kind;
    this.title = title;
    this.fieldProblems = fieldProblems == null ? List.of() : List.copyOf(fieldProblems);
  }

  public DomainException(Kind kind, String title, String detail) {
    this(kind, title, detail, List.of());
  }

  public static DomainException notFound(String detail) {
    return new DomainException(Kind.NOT_FOUND, "Ressource introuvable", detail);
  }

  public static DomainException conflict(String detail) {
    return new DomainException(Kind.CONFLICT, "Conflit", detail);
  }

  public static DomainException forbidden(String detail) {
    return new DomainException(Kind.FORBIDDEN, "Accès refusé", detail);
  }

  public static DomainException invalid(List<FieldProblem> problems) {
    return new DomainException(Kind.INVALID, "Données invalides",
        problems.size() == 1 ? "1 champ est invalide." : problems.size() + " champs sont invalides.", problems);
  }

  public static DomainException invalid(String field, String message) {
    return invalid(List.of(new FieldProblem(field, message)));
  }

  public Kind getKind() {
    return kind;
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
