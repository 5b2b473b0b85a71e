package fr.pasdecalais.habitat.aap.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** An RFC 7807 problem in French, written straight to the response by the security filters. */
public final class ProblemResponse {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ProblemResponse() {}

  public static void write(HttpServletResponse res, HttpStatus status, String title, String detail) throws IOException {
    write(res, status, title, detail, java.util.Map.of());
  }

  /**
   * With extra members (e.g. {@code errors}, the faulty fields); {@code message} repeats the detail,
   * the member Tasklist shows next to the form when the engine's REST API refuses a submission.
   */
  public static void write(HttpServletResponse res, HttpStatus status, String title, String detail,
      java.util.Map<String, Object> properties) throws IOException {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
    pd.setTitle(title);
    pd.setType(URI.create("about:blank"));
    if (!properties.isEmpty()) {
      properties.forEach(pd::setProperty);
      pd.setProperty("message", detail);
    }
    if (status == HttpStatus.UNAUTHORIZED) {
      res.setHeader("WWW-Authenticate", "Basic realm=\"Appels a projets\", charset=\"UTF-8\"");
    }
    res.setStatus(status.value());
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    res.setCharacterEncoding("UTF-8");
    MAPPER.writeValue(res.getOutputStream(), pd);
  }
}
