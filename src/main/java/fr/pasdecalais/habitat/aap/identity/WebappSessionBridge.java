package fr.pasdecalais.habitat.aap.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one bridge from the webapps' login to {@code /api}: a read-only {@code GET} (or {@code HEAD})
 * of {@code /api/statistics/**} or {@code /api/exports/**} without an {@code Authorization} header
 * is authenticated as the user logged into Cockpit/Tasklist in this HTTP session (Camunda keeps it in
 * the session as {@link Authentications}, attribute {@code authenticatedUser}), with that user's
 * engine groups as roles — so the Cockpit dashboard reads with the supervisor's own rights. Any
 * other method or path, or a session without a logged-in user, is left to HTTP basic: a session
 * cookie alone never writes anything through {@code /api}.
 */
public class WebappSessionBridge extends OncePerRequestFilter {

  /** Where Camunda's webapps keep their logged-in users ({@code AuthenticationUtil.CAM_AUTH_SESSION_KEY}). */
  static final String SESSION_ATTRIBUTE = "authenticatedUser";

  private static final RequestMatcher READS = new OrRequestMatcher(
      PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.GET, "/api/statistics/**"),
      PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.GET, "/api/exports/**"),
      PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.HEAD, "/api/statistics/**"),
      PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.HEAD, "/api/exports/**"));

  private final String engineName;

  public WebappSessionBridge(String engineName) {
    this.engineName = engineName;
  }

  /**
   * The exports are streamed: their body is written on an asynchronous dispatch, whose security
   * filters run again; without the session's user there, the file would be cut after its headers.
   */
  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getHeader(HttpHeaders.AUTHORIZATION) != null || !READS.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    UserAuthentication user = sessionUser(request.getSession(false));
    if (user == null || SecurityContextHolder.getContext().getAuthentication() != null) {
      chain.doFilter(request, response);
      return;
    }
    List<SimpleGrantedAuthority> roles = (user.getGroupIds() == null ? List.<String>of() : user.getGroupIds()).stream()
        .map(g -> new SimpleGrantedAuthority("ROLE_" + g)).toList();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, roles));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private UserAuthentication sessionUser(HttpSession session) {
    if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof Authentications all)) {
      return null;
    }
    Authentication auth = all.getAuthenticationForProcessEngine(engineName);
    return auth instanceof UserAuthentication u && u.getIdentityId() != null ? u : null;
  }
}
