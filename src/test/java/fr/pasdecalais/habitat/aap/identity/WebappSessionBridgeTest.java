package fr.pasdecalais.habitat.aap.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Cockpit dashboard reads {@code /api/statistics} and {@code /api/exports} with the session of
 * the user logged into the webapps, and nothing more: a session without a login is 401, a logged-in
 * user without the right is 403 (and a partner cannot even log in), a supervisor 200; a POST under
 * {@code /api} with only the session cookie (and the webapps' CSRF token) is still refused, 401.
 */
@SpringScenarioTest
class WebappSessionBridgeTest {

  private static final String PASSWORD = "Essai-Pont-Session-2026!";

  @Autowired IdentitySetup identity;
  @Autowired LoginThrottle throttle;
  @LocalServerPort int port;

  @AfterEach
  void forgetFailures() {
    throttle.forgetAll();
  }

  @Test
  void aSessionWithoutLoginIsAskedToAuthenticate() throws Exception {
    Browser browser = new Browser();
    browser.get("/camunda/app/welcome/default/"); // a session and its CSRF cookie, nobody logged in
    assertThat(browser.get("/api/statistics").statusCode()).isEqualTo(401);
  }

  @Test
  void aPartnerCannotLogInAndItsSessionReadsNothing() throws Exception {
    String partner = account(Groups.PORTEURS);
    Browser browser = new Browser();
    assertThat(browser.login(partner, "welcome").statusCode()).isEqualTo(403);
    assertThat(browser.get("/api/statistics").statusCode()).isEqualTo(401);
  }

  @Test
  void aJurorLoggedIntoTasklistIsRefusedTheStatistics() throws Exception {
    Browser browser = new Browser();
    assertThat(browser.login(account(Groups.JURY), "tasklist").statusCode()).isEqualTo(200);
    HttpResponse<String> refused = browser.get("/api/statistics");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
  }

  @Test
  void aSupervisorLoggedIntoCockpitReadsTheStatisticsButWritesNothingWithTheSession() throws Exception {
    Browser browser = new Browser();
    assertThat(browser.login(account(Groups.SUPERVISEURS), "cockpit").statusCode()).isEqualTo(200);
    HttpResponse<String> stats = browser.get("/api/statistics");
    assertThat(stats.statusCode()).isEqualTo(200);
    assertThat(stats.body()).contains("\"overall\"");
    // the webapp's session is left as it was (a new session id would log Cockpit's parallel requests out)
    assertThat(stats.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    assertThat(browser.get("/camunda/api/engine/engine/default/process-definition/count").statusCode()).isEqualTo(200);
    // the dashboard's export links: a streamed file (written on an asynchronous dispatch) with the same session
    HttpResponse<String> export = browser.get("/api/exports/conventions?format=csv");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("conventions_tous-les-appels_");
    assertThat(export.body()).contains("N° de convention;Dossier;Organisation;SIRET");
    // the session opens the reads of statistics and exports only: not the rest of /api, and no write
    assertThat(browser.get("/api/payments").statusCode()).isEqualTo(401);
    assertThat(browser.post("/api/calls?publish=false", "{}").statusCode()).isEqualTo(401);
    assertThat(browser.post("/api/statistics", "{}").statusCode()).isEqualTo(401);
    assertThat(browser.post("/api/exports/dossiers", "{}").statusCode()).isEqualTo(401);
  }

  @Test
  void anInstructeursSessionWithTheCockpitRefusedStillReadsWithItsOwnGroups() throws Exception {
    // logged into Tasklist (Cockpit is for supervisors): the statistics follow the account's own groups
    Browser browser = new Browser();
    assertThat(browser.login(account(Groups.INSTRUCTEURS), "tasklist").statusCode()).isEqualTo(200);
    assertThat(browser.get("/api/statistics").statusCode()).isEqualTo(200);
  }

  private String account(String group) {
    String user = "pont-" + group + "-" + UUID.randomUUID().toString().substring(0, 6);
    identity.ensureUser(user, "Essai", "Pont", PASSWORD, group);
    return user;
  }

  /** A browser: one cookie jar, the webapps' login with their CSRF token, then plain requests. */
  private final class Browser {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    HttpResponse<String> get(String path) throws Exception {
      return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json));
      String token = xsrf();
      if (token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> login(String user, String app) throws Exception {
      get("/camunda/app/welcome/default/");
      HttpRequest.Builder request = HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)));
      String token = xsrf();
      if (token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      get("/camunda/app/welcome/default/"); // the session was renewed at login: its new token
      return response;
    }

    private String xsrf() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }
  }
}
