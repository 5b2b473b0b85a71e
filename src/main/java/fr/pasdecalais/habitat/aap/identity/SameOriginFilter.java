package fr.pasdecalais.habitat.aap.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser page of another site must not act with credentials the browser remembers (HTTP basic
 * is replayed by browsers): an unsafe request ({@code POST}, {@code PUT}, {@code PATCH},
 * {@code DELETE}) whose {@code Origin} is neither this server nor one of
 * {@code aap.security.allowed-origins} is refused. Requests without {@code Origin} (programs,
 * partner systems) are not concerned.
 */
public class SameOriginFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private final List<String> allowedOrigins;

  public SameOriginFilter(List<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins.stream().filter(o -> !o.isBlank())
        .map(o -> o.trim().toLowerCase(Locale.ROOT)).toList();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String origin = request.getHeader("Origin");
    if (origin == null || SAFE.contains(request.getMethod()) || sameOrigin(origin, request)) {
      chain.doFilter(request, response);
      return;
    }
    ProblemResponse.write(response, HttpStatus.FORBIDDEN, "Origine refusée",
        "Cette requête vient d'une page d'un autre site (" + origin + ") : elle est refusée.");
  }

  private boolean sameOrigin(String origin, HttpServletRequest request) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    if (allowedOrigins.contains(o)) {
      return true;
    }
    try {
      URI uri = URI.create(o);
      int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
      return request.getScheme().equalsIgnoreCase(uri.getScheme())
          && request.getServerName().equalsIgnoreCase(uri.getHost())
          && request.getServerPort() == port;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
