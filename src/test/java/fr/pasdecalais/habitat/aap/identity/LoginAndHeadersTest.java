package fr.pasdecalais.habitat.aap.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Failed logins are delayed, never locked for good; headers and foreign origins. */
@SpringScenarioTest
class LoginAndHeadersTest {

  static final String PASSWORD = "Mot-de-passe-essai-1";

  @Autowired TestRestTemplate rest;
  @Autowired IdentitySetup identitySetup;
  @Autowired ProcessEngine engine;
  @Autowired LoginAttemptRepository attempts;
  @Autowired LoginThrottle throttle;
  @LocalServerPort int port;

  @AfterEach
  void forgetFailures() {
    throttle.forgetAll(); // the failures made here on purpose must not delay other tests' logins from 127.0.0.1
  }

  @Test
  void manyWrongPasswordsDelayTheAttackerWithout_lockingTheAccountForGood() throws Exception {
    identitySetup.ensureUser("test.finances.lock", "Laurent", "Essai", PASSWORD, Groups.FINANCES);
    TestRestTemplate attacker = rest.withBasicAuth("test.finances.lock", "mauvais");
    for (int i = 0; i < 5; i++) {
      assertThat(attacker.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(attacker.getForEntity("/api/calls", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // the 7th attempt, even with the right password, waits for the window: 429, French, Retry-After
    ResponseEntity<String> throttled = rest.withBasicAuth("test.finances.lock", PASSWORD).getForEntity("/api/calls", String.class);
    assertThat(throttled.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(throttled.getHeaders().getFirst("Retry-After")).isNotBlank();
    assertThat(throttled.getHeaders().getContentType().toString()).contains("application/problem+json");
    assertThat(throttled.getBody()).contains("Trop de tentatives de connexion échouées");

    // the engine never locked the account: once the window is over, the right password works
    IdentityService identity = engine.getIdentityService();
    Thread.sleep(1_200);
    assertThat(rest.withBasicAuth("test.finances.lock", PASSWORD).getForEntity("/api/calls", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(identity.checkPassword("test.finances.lock", PASSWORD)).isTrue();

    // the administrator sees who tried, when and from where
    ResponseEntity<List> log = rest.withBasicAuth("admin", "Essai-Plateforme-2026!")
        .getForEntity("/api/admin/login-attempts?user=test.finances.lock", List.class);
    assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((List<Map<String, Object>>) log.getBody()).extracting(a -> a.get("outcome"))
        .contains("FAILURE", "THROTTLED");
    assertThat((List<Map<String, Object>>) log.getBody()).extracting(a -> a.get("door"))
        .contains("ENGINE_REST", "API");
    assertThat((List<Map<String, Object>>) log.getBody()).allSatisfy(a -> assertThat(a.get("from")).isNotNull());
  }

  @Test
  void theWebappLoginIsThrottledAndRefusesPartners() throws Exception {
    identitySetup.ensureUser("test.porteur.web", "Paul", "Essai", PASSWORD, Groups.PORTEURS);
    identitySetup.ensureUser("test.instructeur.web", "Inès", "Essai", PASSWORD, Groups.INSTRUCTEURS);
    HttpResponse<String> partner = webLogin("test.porteur.web", PASSWORD, "welcome");
    assertThat(partner.statusCode()).isEqualTo(403);
    assertThat(partner.body()).contains("Votre compte n'a pas accès à cette application");
    assertThat(webLogin("test.instructeur.web", PASSWORD, "tasklist").statusCode()).isEqualTo(200);
    HttpResponse<String> cockpit = webLogin("test.instructeur.web", PASSWORD, "cockpit");
    assertThat(cockpit.statusCode()).isEqualTo(403);
    assertThat(cockpit.body()).contains("Votre compte n'a pas accès à cette application");
    for (int i = 0; i < 6; i++) {
      assertThat(webLogin("test.instructeur.web", "mauvais", "tasklist").statusCode()).isEqualTo(401);
    }
    HttpResponse<String> throttled = webLogin("test.instructeur.web", PASSWORD, "tasklist");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).contains("réessayez dans");
    assertThat(attempts.findAll()).anySatisfy(a -> {
      assertThat(a.getUserId()).isEqualTo("test.porteur.web");
      assertThat(a.getOutcome()).isEqualTo(LoginAttempt.Outcome.REFUSED);
      assertThat(a.getDoor()).isEqualTo(LoginAttempt.Door.WEBAPP);
    });
  }

  @Test
  void responsesCarryTheSecurityHeaders() {
    for (String url : List.of("/api/calls", "/engine-rest/task")) {
      HttpHeaders headers = rest.withBasicAuth("admin", "Essai-Plateforme-2026!").getForEntity(url, String.class).getHeaders();
      assertThat(headers.getFirst("X-Content-Type-Options")).as(url).isEqualTo("nosniff");
      assertThat(headers.getFirst("Referrer-Policy")).as(url).isEqualTo("same-origin");
      assertThat(headers.getFirst("X-Frame-Options")).as(url).isEqualTo("DENY");
    }
    HttpHeaders webapp = rest.getForEntity("/camunda/app/tasklist/default/", String.class).getHeaders();
    assertThat(webapp.getFirst("Content-Security-Policy")).as("the webapps' CSP is kept").isNotBlank();
    assertThat(webapp.getFirst("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(webapp.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
  }

  @Test
  void anUnsafeRequestFromAPageOfAnotherSiteIsRefused() {
    identitySetup.ensureUser("test.instructeur.origin", "Olga", "Essai", PASSWORD, Groups.INSTRUCTEURS);
    long calls = engine.getRuntimeService().createProcessInstanceQuery().count();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setOrigin("https://site-malveillant.example");
    ResponseEntity<String> response = rest.withBasicAuth("test.instructeur.origin", PASSWORD).exchange(
        "/engine-rest/process-definition/key/call-for-projects/start", HttpMethod.POST, new HttpEntity<>("{}", headers),
        String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody()).contains("autre site");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(calls);

    // a read from another origin, or a program without Origin, is not concerned
    HttpHeaders read = new HttpHeaders();
    read.setOrigin("https://site-malveillant.example");
    assertThat(rest.withBasicAuth("test.instructeur.origin", PASSWORD).exchange("/api/calls", HttpMethod.GET,
        new HttpEntity<>(read), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  /** As the login page does: a fresh session, its CSRF token, then the form. */
  private HttpResponse<String> webLogin(String user, String password, String app) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/welcome/default/")).GET()
        .build(), HttpResponse.BodyHandlers.discarding());
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
