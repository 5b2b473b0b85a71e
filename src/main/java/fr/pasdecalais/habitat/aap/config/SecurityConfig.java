package fr.pasdecalais.habitat.aap.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.identity.CamundaAuthenticationProvider;
import fr.pasdecalais.habitat.aap.identity.EngineAuthenticationFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what.
 * <ul>
 *   <li>{@code /api/**} and {@code /engine-rest/**}: HTTP basic against the engine's identity
 *   service; the engine then checks its own authorizations for the authenticated user.</li>
 *   <li>{@code /camunda/**}: the webapps, which have their own login, session and CSRF protection.</li>
 *   <li>{@code /actuator/health}: open, for load balancers and compose health checks.</li>
 *   <li>Anything else: authentication required.</li>
 * </ul>
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, CamundaAuthenticationProvider provider,
      IdentityService identityService, ObjectMapper objectMapper) throws Exception {
    http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .authenticationProvider(provider)
        .httpBasic(b -> b.realmName("Appels a projets")
            .authenticationEntryPoint((req, res, ex) -> problem(res, objectMapper, HttpStatus.UNAUTHORIZED,
                "Authentification requise", "Identifiez-vous (authentification HTTP basic) pour utiliser l'API.")))
        .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> problem(res, objectMapper,
            HttpStatus.FORBIDDEN, "Accès refusé", "Vos droits ne permettent pas cette opération.")))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webChain(HttpSecurity http, CamundaAuthenticationProvider provider) throws Exception {
    http.authorizeHttpRequests(a -> a
            .requestMatchers(path("/"), path("/camunda/**"), path("/actuator/health/**"), path("/actuator/info"),
                path("/error"), path("/favicon.ico")).permitAll()
            .anyRequest().authenticated())
        .authenticationProvider(provider)
        // no Basic challenge outside the APIs: a browser on the webapps must never get a login pop-up
        .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        // the webapps protect themselves with their own CSRF token
        .csrf(c -> c.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()));
    return http.build();
  }

  /**
   * Path matchers that also work for the servlets that are not Spring MVC's (the engine REST
   * API is a Jersey servlet, the webapps are filters).
   */
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static void problem(HttpServletResponse res, ObjectMapper mapper, HttpStatus status, String title,
      String detail) throws IOException {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
    pd.setTitle(title);
    pd.setType(URI.create("about:blank"));
    if (status == HttpStatus.UNAUTHORIZED) {
      res.setHeader("WWW-Authenticate", "Basic realm=\"Appels a projets\", charset=\"UTF-8\"");
    }
    res.setStatus(status.value());
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    res.setCharacterEncoding("UTF-8");
    mapper.writeValue(res.getOutputStream(), pd);
  }
}
