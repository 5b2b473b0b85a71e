package fr.pasdecalais.habitat.aap.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.RefusedException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of {@code /api/**} as RFC 7807 problem details, in French, with the faulty fields
 * listed under {@code errors}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(DomainException.class)
  ResponseEntity<ProblemDetail> api(DomainException e) {
    return problem(status(e.getKind()), e.getTitle(), e.getMessage(), e.getFieldProblems());
  }

  /** The one place where a business refusal becomes an HTTP status. */
  public static HttpStatus status(DomainException.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case INVALID -> HttpStatus.BAD_REQUEST;
      case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
      case UNSUPPORTED_CONTENT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    };
  }

  /** A business precondition refused the change: 409 with the French reason. */
  @ExceptionHandler(RefusedException.class)
  ResponseEntity<ProblemDetail> refused(RefusedException e) {
    return problem(HttpStatus.CONFLICT, "Opération refusée", e.getMessage(), List.of());
  }

  /** A task completion refused by its completion rules: 400 with the faulty fields. */
  @ExceptionHandler(fr.pasdecalais.habitat.aap.shared.completion.CompletionRefusedException.class)
  ResponseEntity<ProblemDetail> completionRefused(fr.pasdecalais.habitat.aap.shared.completion.CompletionRefusedException e) {
    return problem(HttpStatus.BAD_REQUEST, "Formulaire à corriger", e.getMessage(), e.problems());
  }

  /**
   * The engine wraps what a task listener throws (ENGINE-03051): a completion refused by its rules
   * or a business refusal inside is answered as if thrown directly; anything else is unexpected.
   */
  @ExceptionHandler(org.camunda.bpm.engine.ProcessEngineException.class)
  ResponseEntity<ProblemDetail> engine(org.camunda.bpm.engine.ProcessEngineException e) throws Exception {
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof fr.pasdecalais.habitat.aap.shared.completion.CompletionRefusedException c) {
        return completionRefused(c);
      }
      if (t instanceof RefusedException r) {
        return refused(r);
      }
    }
    return unexpected(e);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
    List<DomainException.FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new DomainException.FieldProblem(f.getField(), f.getDefaultMessage()))
        .sorted(Comparator.comparing(DomainException.FieldProblem::field))
        .toList();
    return api(DomainException.invalid(problems));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> invalidParameters(ConstraintViolationException e) {
    List<DomainException.FieldProblem> problems = e.getConstraintViolations().stream()
        .map(v -> new DomainException.FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
        .sorted(Comparator.comparing(DomainException.FieldProblem::field))
        .toList();
    return api(DomainException.invalid(problems));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException upe) {
      return api(DomainException.invalid(path(upe), "Champ inconnu : « " + upe.getPropertyName() + " » n'est pas accepté ici."));
    }
    if (cause instanceof StrictJson.ForbiddenCharacterException fce) {
      return api(DomainException.invalid(path(fce),
          "Le texte contient un caractère de contrôle ou d'inversion de sens d'écriture, interdit."));
    }
    if (cause instanceof com.fasterxml.jackson.core.JsonParseException jpe && jpe.getMessage() != null
        && jpe.getMessage().startsWith("Duplicate field")) {
      String field = jpe.getMessage().replaceFirst("(?s)^Duplicate field '([^']*)'.*", "$1");
      return api(DomainException.invalid(field, "Le champ « " + field + " » est présent deux fois."));
    }
    if (cause instanceof com.fasterxml.jackson.core.exc.InputCoercionException ice) {
      com.fasterxml.jackson.core.JsonParser parser = ice.getProcessor();
      String field = parser == null ? null : parser.getParsingContext().getCurrentName();
      return api(DomainException.invalid(field == null ? "corps" : field, "La valeur dépasse les limites de son type."));
    }
    if (cause instanceof MismatchedInputException mie && !mie.getPath().isEmpty()
        && mie.getTargetType() != null && mie.getTargetType() == String.class) {
      return api(DomainException.invalid(path(mie), "Un texte est attendu (entre guillemets)."));
    }
    if (cause instanceof MismatchedInputException mie && !mie.getPath().isEmpty() && mie.getTargetType() != null
        && (mie.getTargetType() == Integer.class || mie.getTargetType() == int.class || mie.getTargetType() == Long.class
        || mie.getTargetType() == long.class)) {
      return api(DomainException.invalid(path(mie), "Un nombre entier est attendu."));
    }
    if (cause instanceof InvalidFormatException ife) {
      return api(DomainException.invalid(path(ife),
          "La valeur « " + ife.getValue() + " » n'a pas le format attendu."));
    }
    if (cause instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
      return api(DomainException.invalid(path(mie), "La valeur n'a pas le type attendu."));
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof com.fasterxml.jackson.databind.JsonMappingException jme && !jme.getPath().isEmpty()) {
        StringBuilder field = new StringBuilder();
        for (var ref : jme.getPath()) {
          if (ref.getFieldName() != null) {
            field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
          } else if (ref.getIndex() >= 0) {
            field.append('[').append(ref.getIndex()).append(']');
          }
        }
        return api(DomainException.invalid(field.toString(), "La valeur n'est pas acceptée (type ou limites)."));
      }
    }
    LOG.info("Unreadable body: {}", cause == null ? e.getMessage() : cause.getClass().getName() + ": " + cause.getMessage());
    return problem(HttpStatus.BAD_REQUEST, "Requête illisible",
        "Le corps de la requête n'est pas un JSON valide ou est absent.", List.of());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
    return api(DomainException.invalid(e.getParameterName(), "Le paramètre est obligatoire."));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
    return api(DomainException.invalid(e.getRequestPartName(), "La partie « " + e.getRequestPartName() + " » est obligatoire."));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return api(DomainException.invalid(e.getName(), "La valeur « " + e.getValue() + " » n'a pas le format attendu."));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Fichier trop volumineux",
        "Le fichier dépasse la taille maximale autorisée.", List.of());
  }

  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ResponseEntity<ProblemDetail> multipart(org.springframework.web.multipart.MultipartException e) {
    if (e instanceof MaxUploadSizeExceededException max) {
      return tooLarge(max);
    }
    return problem(HttpStatus.BAD_REQUEST, "Envoi de fichier illisible",
        "Le corps multipart de la requête est incomplet ou mal formé : renvoyez le fichier.", List.of());
  }

  @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(org.springframework.web.HttpMediaTypeNotAcceptableException e) {
    return problem(HttpStatus.NOT_ACCEPTABLE, "Format de réponse indisponible",
        "Cette ressource ne peut répondre que dans les formats : " + e.getSupportedMediaTypes() + ".", List.of());
  }

  @ExceptionHandler(org.springframework.web.bind.MissingPathVariableException.class)
  ResponseEntity<ProblemDetail> missingPath(org.springframework.web.bind.MissingPathVariableException e) {
    return problem(HttpStatus.NOT_FOUND, "Ressource introuvable", "Aucune ressource à cette adresse.", List.of());
  }

  @ExceptionHandler(org.springframework.dao.ConcurrencyFailureException.class)
  ResponseEntity<ProblemDetail> concurrency(org.springframework.dao.ConcurrencyFailureException e) {
    return concurrent(e);
  }

  /** Anything else: a French 500 that names no internal class (the cause is in the log). */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
    if (DatabaseUnavailable.isCause(e)) {
      LOG.warn("503 : pas de connexion à la base ({})", e.getMessage());
      return DatabaseUnavailable.problem();
    }
    if (e instanceof org.springframework.web.ErrorResponse er && er.getStatusCode().is4xxClientError()) {
      return problem(HttpStatus.valueOf(er.getStatusCode().value()), "Requête refusée",
          "La requête ne peut pas être traitée telle quelle (" + er.getStatusCode().value() + ").", List.of());
    }
    LOG.error("Unexpected error on the API", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Erreur interne",
        "Une erreur inattendue est survenue ; elle a été journalisée. Réessayez plus tard.", List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Type de contenu non pris en charge",
        "Le type de contenu « " + e.getContentType() + " » n'est pas accepté ici.", List.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, "Méthode non autorisée",
        "La méthode " + e.getMethod() + " n'est pas autorisée sur cette ressource.", List.of());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Ressource introuvable", "Aucune ressource à cette adresse.", List.of());
  }

  @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
  ResponseEntity<ProblemDetail> denied(RuntimeException e) {
    return problem(HttpStatus.FORBIDDEN, "Accès refusé",
        "Vos droits ne permettent pas cette opération.", List.of());
  }

  @ExceptionHandler({OptimisticLockingException.class, OptimisticLockingFailureException.class})
  ResponseEntity<ProblemDetail> concurrent(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "Modification concurrente",
        "Une autre personne a modifié ce dossier au même moment ; rechargez-le puis recommencez.", List.of());
  }

  @ExceptionHandler(NullValueException.class)
  ResponseEntity<ProblemDetail> engineNotFound(NullValueException e) {
    return problem(HttpStatus.NOT_FOUND, "Ressource introuvable",
        "La tâche ou l'instance demandée n'existe pas ou a déjà été traitée.", List.of());
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
    LOG.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
    return problem(HttpStatus.CONFLICT, "Conflit",
        "L'opération contredit une donnée déjà enregistrée (doublon ou référence manquante).", List.of());
  }

  private static String path(MismatchedInputException e) {
    StringBuilder sb = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
      List<DomainException.FieldProblem> fields) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
    pd.setTitle(title);
    pd.setType(URI.create("about:blank"));
    if (!fields.isEmpty()) {
      pd.setProperty("errors", fields);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
  }
}
