package fr.pasdecalais.habitat.aap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No connection to the database for a request (the pool exhausted for its 5-s wait, PostgreSQL restarting
 * or unreachable): a French 503 with {@code Retry-After}, through every door — {@code /api}, {@code
 * /engine-rest}, the webapps, the login of each —, rather than an "unexpected" 500. Nothing was written
 * (the transaction never began), the request may be sent again; the fault harness counted such 500s
 * under 80 lifecycles in flight (docs/reliability). Outermost filter, before Spring Security: an account's
 * authentication reads the database too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailable extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);

  /** Seconds a client should wait before sending the request again. */
  static final String RETRY_AFTER_SECONDS = "5";

  static final String TITLE = "Service momentanément indisponible";
  static final String DETAIL = "La base de données ne répond pas pour le moment (service surchargé ou en cours de "
      + "redémarrage). Rien n'a été enregistré ; renvoyez la demande dans quelques secondes.";

  private final ObjectMapper json;

  public DatabaseUnavailable(ObjectMapper json) {
    this.json = json;
  }

  /** Whether {@code e}, or one of its causes, says no connection to the database could be had. */
  public static boolean isCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  /** The answer of {@code /api}'s exception handler. */
  static ResponseEntity<ProblemDetail> problem() {
    ResponseEntity<ProblemDetail> p = ApiExceptionHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, TITLE, DETAIL, List.of());
    return ResponseEntity.status(p.getStatusCode()).headers(p.getHeaders())
        .header("Retry-After", RETRY_AFTER_SECONDS).body(p.getBody());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!isCause(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn("503 sur {} {} : pas de connexion à la base ({})", request.getMethod(), request.getRequestURI(),
          rootMessage(e));
      response.resetBuffer();
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      ProblemDetail pd = problem().getBody();
      pd.setInstance(java.net.URI.create(request.getRequestURI()));
      json.writeValue(response.getOutputStream(), pd);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
