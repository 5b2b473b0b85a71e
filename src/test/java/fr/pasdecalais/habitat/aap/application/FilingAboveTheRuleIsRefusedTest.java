package fr.pasdecalais.habitat.aap.application;

import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
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
 * Caps at filing: a request above what the lot's funding rule allows for the units requested is
 * refused with a 400 problem naming {@code requestedAmount}, in French, and nothing is stored.
 * Calls made from the real catalogue files (logement des jeunes: 30 000 € per dossier;
 * coordinateurs: 55 000 € per ETP), under a unique reference.
 */
@SpringScenarioTest
class FilingAboveTheRuleIsRefusedTest {

  static final String PASSWORD = "Essai-Plafonds-2026!";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired ProcessEngine engine;
  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;
  @Autowired ApplicationRepository applications;
  @Autowired OrganizationRepository organizations;
  @Autowired IdentitySetup identity;

  String agent;

  @BeforeEach
  void setUp() {
    ProcessTestSupport.init(engine);
    agent = "instructeur-" + UUID.randomUUID().toString().substring(0, 8);
    identity.ensureUser(agent, "Camille", "Martin", PASSWORD, Groups.INSTRUCTEURS);
    clock("2023-01-10T10:00:00");
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  private CallForProjects fromCatalogue(String file, String reference) throws IOException {
    String unique = "AAP-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    try (InputStream in = getClass().getResourceAsStream("/calls/" + file)) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("reference: " + reference, "reference: " + unique);
      CallForProjects call = catalog.create(reader.read(unique + ".yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
      catalog.publish(call.getReference());
      return call;
    }
  }

  @Test
  void aRequestAboveTheFixedAmountPerDossierIsRefusedAtFilingAndNothingIsStored() throws Exception {
    CallForProjects call = fromCatalogue("aap-2023-logement-jeunes.yaml", "AAP-2023-LOGEMENT-JEUNES");
    String siret = Dossiers.siret();

    ResponseEntity<String> refused = file(call, body(siret, "30000.01", null));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode error = json.readTree(refused.getBody()).get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("requestedAmount");
    assertThat(error.get("message").asText())
        .isEqualTo("Le montant demandé (30 000,01 €) dépasse le montant forfaitaire par dossier (30 000,00 €).");
    assertThat(applications.findByCallReferenceOrderByReference(call.getReference())).isEmpty();
    assertThat(organizations.findBySiret(siret)).isEmpty();

    ResponseEntity<String> accepted = file(call, body(siret, "30000.00", null));
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(applications.findByCallReferenceOrderByReference(call.getReference())).hasSize(1);
  }

  @Test
  void theCapPerEtpAppliesToTheEtpRequested() throws Exception {
    CallForProjects call = fromCatalogue("aap-2023-coordinateurs-logement-dabord.yaml", "AAP-2023-COORDINATEURS-LDA");

    ResponseEntity<String> oneEtp = file(call, body(Dossiers.siret(), "60000.00", 1));
    assertThat(oneEtp.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(oneEtp.getBody()).get("errors").get(0).get("message").asText())
        .isEqualTo("Le montant demandé (60 000,00 €) dépasse le plafond de 55 000,00 € par ETP appliqué à 1 ETP (55 000,00 €).");

    ResponseEntity<String> twoEtp = file(call, body(Dossiers.siret(), "110000.00", 2));
    assertThat(twoEtp.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(applications.findByCallReferenceOrderByReference(call.getReference())).hasSize(1);
  }

  private ResponseEntity<String> file(CallForProjects call, Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return http.withBasicAuth(agent, PASSWORD).exchange("/api/calls/" + call.getReference() + "/applications",
        HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  private Map<String, Object> body(String siret, String amount, Integer units) {
    Map<String, Object> org = new LinkedHashMap<>(Map.of("siret", siret, "name", "Association Plafond " + siret.substring(9),
        "legalForm", "Association loi 1901", "holderType", "Association", "approvals", List.of(),
        "street", "3 rue Victor Hugo", "postalCode", "62300", "city", "Lens", "email", "contact-" + siret + "@example.org",
        "legalRepresentative", "Nadine Carpentier"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("organization", org);
    body.put("lotCode", "UNIQUE");
    body.put("territories", List.of("LENS_HENIN"));
    body.put("requestedAmount", amount);
    if (units != null) {
      body.put("requestedUnits", units);
    }
    body.put("summary", "Projet dont le montant est contrôlé au dépôt.");
    return body;
  }
}
