package fr.pasdecalais.habitat.aap.config;

import fr.pasdecalais.habitat.aap.identity.CamundaAuthenticationProvider;
import fr.pasdecalais.habitat.aap.identity.CamundaAuthenticationProvider.LoginThrottledException;
import fr.pasdecalais.habitat.aap.identity.EngineApiGuard;
import fr.pasdecalais.habitat.aap.identity.EngineAuthenticationFilter;
import fr.pasdecalais.habitat.aap.identity.FormFieldNames;
import fr.pasdecalais.habitat.aap.identity.LoginThrottle;
import fr.pasdecalais.habitat.aap.identity.ProblemResponse;
import fr.pasdecalais.habitat.aap.identity.SameOriginFilter;
import fr.pasdecalais.habitat.aap.identity.WebappSessionBridge;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what (the whole table: {@code docs/access-matrix.md}).
 * <ul>
 *   <li>{@code GET /api/statistics/**} and {@code GET /api/exports/**}: also the webapps' logged-in user
 *   ({@link WebappSessionBridge}), for the Cockpit dashboard; nothing else under {@code /api} reads the session.</li>
 *   <li>{@code /api/**} and {@code /engine-rest/**}: HTTP basic against the engine's identity
 *   service, failed logins delayed ({@link LoginThrottle}); unsafe requests from a foreign
 *   {@code Origin} refused ({@link SameOriginFilter}); the engine then checks its own
 *   authorizations for the authenticated user.</li>
 *   <li>{@code /engine-rest/**} and the webapps' engine API: {@link EngineApiGuard} first.</li>
 *   <li>{@code /camunda/**}: the webapps, which have their own login (guarded too), session and CSRF protection.</li>
 *   <li>{@code /actuator/health}: open, for load balancers and compose health checks.</li>
 *   <li>{@code GET /open-data/**}: open, the published data of the signed conventions (no personal data).</li>
 *   <li>{@code /v3/api-docs}, {@code /api/docs} (Swagger UI): open, the description of {@code /api}.</li>
 *   <li>Anything else: authentication required.</li>
 * </ul>
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, IdentityService identityService, @Value("${aap.security.allowed-origins:}") List<String> allowedOrigins,
      @Value("${camunda.bpm.process-engine-name:default}") String engineName)
      throws Exception {
    http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
        // the API's description (Swagger UI) is public, like the description of a partner API: it holds no data
        .authorizeHttpRequests(a -> a.requestMatchers(path("/api/docs"), path("/api/swagger-ui/**")).permitAll()
            .anyRequest().authenticated())
        // the provider is the application's only one (Spring Boot makes it the global manager's): registering it
        // here again would check a wrong password twice, once in this chain and once in the parent manager
        .httpBasic(b -> b.realmName("Appels a projets")
            .authenticationDetailsSource(CamundaAuthenticationProvider.LoginDetails::of)
            .authenticationEntryPoint((req, res, ex) -> {
              if (ex instanceof LoginThrottledException throttled) {
                res.setHeader("Retry-After", Long.toString(Math.max(1, throttled.getWait().toSeconds())));
                ProblemResponse.write(res, HttpStatus.TOO_MANY_REQUESTS, "Trop de tentatives", ex.getMessage());
              } else {
                ProblemResponse.write(res, HttpStatus.UNAUTHORIZED, "Authentification requise",
                    "Identifiez-vous (authentification HTTP basic) pour utiliser l'API.");
              }
            }))
        .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> ProblemResponse.write(res,
            HttpStatus.FORBIDDEN, "Accès refusé", "Vos droits ne permettent pas cette opération.")))
        // stateless; and never a new session id: the webapps' session a dashboard's GET comes with must survive it
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))
        .csrf(c -> c.disable())
        .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
        .addFilterBefore(new SameOriginFilter(allowedOrigins), BasicAuthenticationFilter.class)
        // read-only GETs of the statistics and exports also accept the webapps' logged-in user (Cockpit's dashboard)
        .addFilterBefore(new WebappSessionBridge(engineName), BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(a -> a
            .requestMatchers(path("/"), path("/camunda/**"), path("/actuator/health/**"), path("/actuator/info"),
                path("/error"), path("/favicon.ico")).permitAll()
            // the open data of conventions (décret 2017-779): public, read-only; any other method needs a login
            .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.GET,
                "/open-data/**")).permitAll()
            // the OpenAPI description of /api and the Swagger UI's files: public (config.OpenApiConfig)
            .requestMatchers(path("/v3/api-docs"), path("/v3/api-docs/**"), path("/swagger-ui/**")).permitAll()
            .anyRequest().authenticated())
        // no Basic challenge outside the APIs: a browser on the webapps must never get a login pop-up
        .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        // the webapps protect themselves with their own CSRF token
        .csrf(c -> c.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin())
            .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  /** The engine API's gate, after Spring Security (it reads the authenticated user), before the engine's servlets. */
  @Bean
  FilterRegistrationBean<EngineApiGuard> engineApiGuard(IdentityService identityService,
      RepositoryService repositoryService, FormFieldNames formFields, LoginThrottle throttle,
      fr.pasdecalais.habitat.aap.identity.CompletionGate completionRules,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<EngineApiGuard> registration = new FilterRegistrationBean<>(
        new EngineApiGuard(identityService, repositoryService, formFields, throttle, webappPath, completionRules));
    registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
    registration.setName("engineApiGuard");
    return registration;
  }

  /**
   * Path matchers that also work for the servlets that are not Spring MVC's (the engine REST
   * API is a Jersey servlet, the webapps are filters).
   */
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }
}
