package fr.pasdecalais.habitat.aap.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.OrganizationMemberships;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.math.BigDecimal;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A partner organisation reads its own convention, its payments, its reports and the convention PDF
 * through /api (the defect: 403), and nothing of another organisation's (404, as for a dossier it may
 * not read, so that existence does not leak).
 */
@SpringScenarioTest
class PartnerAgreementReadsTest {

  private static final String PASSWORD = "Essai-Porteur-Conventions-2026!";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired IdentitySetup identity;
  @Autowired AgreementScenarios scenario;
  @Autowired OrganizationMemberships memberships;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    ProcessTestSupport.init(engine);
    identity.ensureUser("test.porteur.conv", "Paula", "Essai", PASSWORD, Groups.PORTEURS);
    identity.ensureUser("test.porteur.autre", "Pierre", "Essai", PASSWORD, Groups.PORTEURS);
    identity.ensureUser("test.jury.conv2", "Jules", "Essai", PASSWORD, Groups.JURY);
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @Test
  void aPartnerReadsItsOwnConventionPaymentsReportsAndPdfAndNothingOfAnotherOrganisation() throws Exception {
    ProcessTestSupport.clock("2023-05-10T10:00:00");
    String call = scenario.call("astre");
    Application own = scenario.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("42000.00"),
        Instant.parse("2023-05-10T08:00:00Z"));
    Application other = scenario.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("42000.00"),
        Instant.parse("2023-05-10T08:05:00Z"));
    memberships.grant(own.getOrganization().getSiret(), "test.porteur.conv", AgreementScenarios.AGENT);
    memberships.grant(other.getOrganization().getSiret(), "test.porteur.autre", AgreementScenarios.AGENT);
    ProcessTestSupport.clock("2023-10-25T10:00:00");
    ProcessInstance pi = scenario.start(own);
    scenario.prepare(pi, "42000", "20 mesures d'accompagnement de 12 mois", "2023-10-02");
    scenario.sign(pi, "2023-10-20", "2023-10-24");
    scenario.mandate(pi, GrantAgreementProcess.TASK_VALIDATE_ADVANCE, "2023-10-25", "M-2023-7001");

    TestRestTemplate partner = rest.withBasicAuth("test.porteur.conv", PASSWORD);
    String base = "/api/applications/" + own.getReference() + "/agreement";
    ResponseEntity<String> convention = partner.getForEntity(base, String.class);
    assertThat(convention.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode view = json.readTree(convention.getBody());
    assertThat(view.get("status").asText()).isEqualTo("SIGNED");
    assertThat(view.get("amountLabel").asText()).isEqualTo("42 000,00 €");
    assertThat(view.get("paid").decimalValue()).isEqualByComparingTo("33600.00");
    assertThat(convention.getBody()).doesNotContain("score").doesNotContain("avis");

    JsonNode payments = json.readTree(partner.getForObject(base + "/payments", String.class));
    assertThat(payments).hasSize(1);
    assertThat(payments.get(0).get("kind").asText()).isEqualTo("ADVANCE");
    assertThat(payments.get(0).get("amount").decimalValue()).isEqualByComparingTo("33600.00");
    assertThat(payments.get(0).get("status").asText()).isEqualTo("PAID");
    JsonNode reports = json.readTree(partner.getForObject(base + "/reports", String.class));
    assertThat(reports).isNotEmpty();
    assertThat(reports.findValuesAsText("kind")).contains("FINAL");

    String pdfUrl = view.get("documents").get(0).get("url").asText();
    ResponseEntity<byte[]> pdf = partner.getForEntity(pdfUrl, byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");

    // another organisation's account: 404 on everything, as for an unknown dossier
    TestRestTemplate stranger = rest.withBasicAuth("test.porteur.autre", PASSWORD);
    for (String path : new String[] {base, base + "/payments", base + "/reports", pdfUrl}) {
      ResponseEntity<String> refused = stranger.getForEntity(path, String.class);
      assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(json.readTree(stranger.getForObject(base, String.class)).get("detail").asText())
        .isEqualTo("Aucun dossier accessible n'a la référence « " + own.getReference() + " ».");
    // its own dossier has no convention yet: 404 too, with the reason
    ResponseEntity<String> none = stranger.getForEntity("/api/applications/" + other.getReference() + "/agreement", String.class);
    assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json.readTree(none.getBody()).get("detail").asText()).isEqualTo("Le dossier « " + other.getReference()
        + " » n'a pas de convention.");
    // a juror reads no convention
    assertThat(rest.withBasicAuth("test.jury.conv2", PASSWORD).getForEntity(base, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }
}
