package fr.pasdecalais.habitat.aap.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to {@code /error} (a request refused before any controller: a
 * path the firewall rejects, a body that cannot be parsed…): a French problem instead of Spring Boot's
 * English JSON or Tomcat's HTML page.
 */
@RestController
public class FrenchErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i)
        : HttpStatus.INTERNAL_SERVER_ERROR;
    return ApiExceptionHandler.problem(status, title(status), detail(status), List.of());
  }

  static String title(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "Requête refusée";
      case UNAUTHORIZED -> "Authentification requise";
      case FORBIDDEN -> "Accès refusé";
      case NOT_FOUND -> "Ressource introuvable";
      case METHOD_NOT_ALLOWED -> "Méthode non autorisée";
      case PAYLOAD_TOO_LARGE -> "Requête trop volumineuse";
      case UNSUPPORTED_MEDIA_TYPE -> "Type de contenu non pris en charge";
      default -> status.is4xxClientError() ? "Requête refusée" : "Erreur interne";
    };
  }

  static String detail(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "L'adresse ou le corps de la requête est mal formé (caractère interdit ou encodage invalide).";
      case NOT_FOUND -> "Aucune ressource à cette adresse.";
      case PAYLOAD_TOO_LARGE -> "La requête dépasse la taille maximale acceptée.";
      default -> status.is4xxClientError() ? "La requête ne peut pas être traitée telle quelle."
          : "Une erreur inattendue est survenue ; elle a été journalisée. Réessayez plus tard.";
    };
  }
}
