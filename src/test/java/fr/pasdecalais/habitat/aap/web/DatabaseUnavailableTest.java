package fr.pasdecalais.habitat.aap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The connection pool exhausted (every connection held, as 80 lifecycles in flight did in the fault
 * harness): each door answers a French 503 with {@code Retry-After} — the API, the engine's REST API, a
 * webapp's login — instead of a 500 "erreur inattendue"; once a connection is free again, the same request
 * succeeds without a restart.
 */
@SpringScenarioTest
class DatabaseUnavailableTest {

  static final String PASSWORD = "Mot-de-passe-pool-1";
  static final String AGENT = "pool.instructeur";

  @Autowired TestRestTemplate rest;
  @Autowired DataSource dataSource;
  @Autowired IdentitySetup identity;

  @Test
  void everyDoorAnswersAFrench503WhileThePoolIsExhaustedThenServesAgain() throws Exception {
    identity.ensureUser(AGENT, "Paule", "Essai", PASSWORD, Groups.INSTRUCTEURS);
    TestRestTemplate agent = rest.withBasicAuth(AGENT, PASSWORD);
    List<String> doors = List.of("/api/calls", "/engine-rest/task");
    assertThat(agent.getForEntity("/api/calls", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    long timeout = pool.getConnectionTimeout();
    List<Connection> held = new ArrayList<>();
    try {
      pool.getHikariConfigMXBean().setConnectionTimeout(300);
      for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
        held.add(pool.getConnection());
      }
      for (String door : doors) {
        ResponseEntity<String> refused = agent.getForEntity(door, String.class);
        assertThat(refused.getStatusCode()).as(door).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.getHeaders().getFirst("Retry-After")).as(door).isEqualTo("5");
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(door).isTrue();
        assertThat(refused.getBody()).as(door).contains("Service momentanément indisponible")
            .contains("Rien n'a été enregistré").doesNotContain("Hikari").doesNotContain("Exception");
      }
      // the webapps' login (Tasklist, Cockpit, Admin) reads the account too
      MultiValueMap<String, String> login = new LinkedMultiValueMap<>();
      login.add("username", AGENT);
      login.add("password", PASSWORD);
      ResponseEntity<String> webapp = rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
          new HttpEntity<>(login, formHeaders()), String.class);
      assertThat(webapp.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      assertThat(webapp.getBody()).contains("Service momentanément indisponible");
    } finally {
      for (Connection c : held) {
        c.close();
      }
      pool.getHikariConfigMXBean().setConnectionTimeout(timeout);
    }
    assertThat(agent.getForEntity("/api/calls", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(agent.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private static HttpHeaders formHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return headers;
  }
}
