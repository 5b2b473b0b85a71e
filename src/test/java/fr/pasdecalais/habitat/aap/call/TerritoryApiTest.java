package fr.pasdecalais.habitat.aap.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The territories at the level of the intercommunalities, with their codes, and what instructeurs
 * do with them through {@code /api/territories}.
 */
@SpringScenarioTest
class TerritoryApiTest {

  private static final String PASSWORD = "Essai-Territoires-2026!";

  @Autowired TestRestTemplate rest;
  @Autowired IdentitySetup identity;
  @Autowired CallCatalog catalog;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void accounts() {
    identity.ensureUser("test.agent.terr", "Agnès", "Essai", PASSWORD, Groups.INSTRUCTEURS);
    identity.ensureUser("test.porteur.terr", "Paul", "Essai", PASSWORD, Groups.PORTEURS);
  }

  @Test
  void everyIntercommunalityOfThePasDeCalaisIsATerritoryWithAValidUniqueSirenAndTheFourCommunesHaveTheirInseeCode()
      throws Exception {
    JsonNode all = json.readTree(rest.withBasicAuth("test.porteur.terr", PASSWORD).getForObject("/api/territories", String.class));
    Map<String, JsonNode> byCode = new HashMap<>();
    all.forEach(t -> byCode.put(t.get("code").asText(), t));
    List<String> epcis = List.of("CALL", "CAHC", "CABBALR", "CAB", "GCTM", "CAPSO", "CUA", "CA2BM", "CC7V", "CCHPM",
        "CCOM", "CCTERNOIS", "CCCA", "CCSA", "CCFL", "CCRA", "CCPO", "CCT2C", "CCPL", "CCDS");
    Set<String> sirens = new HashSet<>();
    for (String code : epcis) {
      JsonNode t = byCode.get(code);
      assertThat(t).as(code).isNotNull();
      assertThat(t.get("kind").asText()).isEqualTo("EPCI");
      assertThat(t.get("kindLabel").asText()).isEqualTo("Intercommunalité (EPCI)");
      assertThat(byCode.get(t.get("parentCode").asText()).get("kind").asText()).as(code).isEqualTo("TERRITOIRE");
      if (!code.equals("CCDS")) { // not known for certain: left empty in V28_32, to be completed
        String siren = t.get("officialCode").asText();
        assertThat(siren).as(code).matches("\\d{9}");
        assertThat(TerritoryDirectory.luhn(siren)).as(code + " " + siren).isTrue();
        assertThat(sirens.add(siren)).as("unique " + siren).isTrue();
      }
    }
    assertThat(byCode.get("CALL").get("officialCode").asText()).isEqualTo("246200364");
    assertThat(byCode.get("CABBALR").get("officialCode").asText()).isEqualTo("200072460");
    Map<String, String> communes = Map.of("FLEURBAIX", "62338", "LAVENTIE", "62491", "LESTREM", "62502",
        "SAILLY_SUR_LA_LYS", "62736");
    communes.forEach((code, insee) -> {
      assertThat(byCode.get(code).get("kind").asText()).isEqualTo("COMMUNE");
      assertThat(byCode.get(code).get("officialCode").asText()).isEqualTo(insee);
      assertThat(byCode.get(code).get("parentCode").asText()).isEqualTo("CCFL");
    });
    // the calls may name them: the catalogue knows them too
    assertThat(catalog.territory("SAILLY_SUR_LA_LYS")).get().extracting(Territory::getKind).isEqualTo(TerritoryKind.COMMUNE);
  }

  @Test
  void anInstructeurAddsAndCorrectsATerritoryWithFrenchProblemsForBadValuesAndDuplicates() throws Exception {
    TestRestTemplate agent = rest.withBasicAuth("test.agent.terr", PASSWORD);
    String code = "ESSAI_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

    ResponseEntity<String> bad = send(agent, HttpMethod.POST, code,
        "{\"name\": \"\", \"kind\": \"EPCI\", \"parentCode\": \"NULLE_PART\", \"officialCode\": \"246200365\"}");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = json.readTree(bad.getBody());
    Map<String, String> errors = new HashMap<>();
    problem.get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
    assertThat(errors.get("name")).isEqualTo("Le nom du territoire est obligatoire.");
    assertThat(errors.get("parentCode")).isEqualTo("Le territoire parent « NULLE_PART » n'existe pas.");
    assertThat(errors.get("officialCode")).contains("9 chiffres et une clé de contrôle valide");
    assertThat(agent.getForEntity("/api/territories/" + code, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<String> created = send(agent, HttpMethod.POST, code,
        "{\"name\": \"Commune d'essai\", \"kind\": \"COMMUNE\", \"parentCode\": \"CCFL\", \"officialCode\": \"62999\"}");
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/territories/" + code);
    assertThat(json.readTree(created.getBody()).get("kindLabel").asText()).isEqualTo("Commune");

    ResponseEntity<String> again = send(agent, HttpMethod.POST, code,
        "{\"name\": \"Commune d'essai\", \"kind\": \"COMMUNE\", \"parentCode\": \"CCFL\"}");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(json.readTree(again.getBody()).get("detail").asText()).isEqualTo("Le territoire « " + code
        + " » existe déjà ; modifiez-le (PUT) au lieu de le créer.");
    ResponseEntity<String> takenInsee = send(agent, HttpMethod.PUT, code,
        "{\"name\": \"Commune d'essai\", \"kind\": \"COMMUNE\", \"parentCode\": \"CCFL\", \"officialCode\": \"62338\"}");
    assertThat(takenInsee.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(json.readTree(takenInsee.getBody()).get("detail").asText())
        .isEqualTo("Le code officiel « 62338 » est déjà celui du territoire « FLEURBAIX ».");
    ResponseEntity<String> cycle = send(agent, HttpMethod.PUT, "CCFL",
        "{\"name\": \"Communauté de communes Flandre Lys (CCFL)\", \"kind\": \"EPCI\", \"parentCode\": \"" + code
            + "\", \"officialCode\": \"245900758\"}");
    assertThat(cycle.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(cycle.getBody()).contains("fait partie de « CCFL »");

    ResponseEntity<String> corrected = send(agent, HttpMethod.PUT, code,
        "{\"name\": \"Commune d'essai corrigée\", \"kind\": \"COMMUNE\", \"parentCode\": \"CCFL\", \"officialCode\": \"62998\"}");
    assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode one = json.readTree(agent.getForObject("/api/territories/" + code, String.class));
    assertThat(one.get("name").asText()).isEqualTo("Commune d'essai corrigée");
    assertThat(one.get("officialCode").asText()).isEqualTo("62998");
    assertThat(send(agent, HttpMethod.PUT, "INCONNU_" + code, "{\"name\": \"x\", \"kind\": \"MDS\"}").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // a partner account lists, never writes
    ResponseEntity<String> partner = send(rest.withBasicAuth("test.porteur.terr", PASSWORD), HttpMethod.POST, code + "_P",
        "{\"name\": \"Essai\", \"kind\": \"MDS\"}");
    assertThat(partner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("test.porteur.terr", PASSWORD).getForEntity("/api/territories/" + code + "_P",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private static ResponseEntity<String> send(TestRestTemplate as, HttpMethod method, String code, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as.exchange("/api/territories/" + code, method, new HttpEntity<>(body, headers), String.class);
  }
}
