package fr.pasdecalais.habitat.aap.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.application.Application;
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

/** The agreement and payment API: finance list of orders, a dossier's convention, a call's totals, the PDF. */
@SpringScenarioTest
class AgreementApiTest {

  private static final String PASSWORD = "Essai-Conventions-2026!";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired IdentitySetup identitySetup;
  @Autowired AgreementScenarios scenario;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    ProcessTestSupport.init(engine);
    identitySetup.ensureUser("test.finances", "Fanny", "Essai", PASSWORD, Groups.FINANCES);
    identitySetup.ensureUser("test.agent.conv", "Alain", "Essai", PASSWORD, Groups.INSTRUCTEURS);
    identitySetup.ensureUser("test.jury.conv", "Julie", "Essai", PASSWORD, Groups.JURY);
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @Test
  void financeSeesOrderedPaymentsAndAgentsSeeTheConvention() throws Exception {
    ProcessTestSupport.clock("2023-01-10T10:00:00");
    String call = scenario.call("info-juridique");
    Application a = scenario.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("100000.00"),
        Instant.parse("2023-01-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-03-20T10:00:00");
    ProcessInstance pi = scenario.start(a);
    scenario.prepare(pi, "100000", "Information juridique départementale", "2023-03-06");
    scenario.sign(pi, "2023-03-14", "2023-03-16");
    Long agreementId = scenario.agreementId(pi);

    TestRestTemplate finances = rest.withBasicAuth("test.finances", PASSWORD);
    JsonNode ordered = json.readTree(finances.getForObject("/api/payments?status=ORDERED", String.class));
    JsonNode mine = null;
    for (JsonNode p : ordered) {
      assertThat(p.get("status").asText()).isEqualTo("ORDERED");
      if (p.get("agreementId").asLong() == agreementId) {
        mine = p;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("amountLabel").asText()).isEqualTo("100 000,00 €");
    assertThat(mine.get("kind").asText()).isEqualTo("ADVANCE");

    ResponseEntity<String> bad = finances.getForEntity("/api/payments?status=PAYE", String.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(bad.getBody()).contains("Statut inconnu");

    TestRestTemplate agent = rest.withBasicAuth("test.agent.conv", PASSWORD);
    JsonNode view = json.readTree(agent.getForObject("/api/applications/" + a.getReference() + "/agreement", String.class));
    assertThat(view.get("status").asText()).isEqualTo("SIGNED");
    assertThat(view.get("amountLabel").asText()).isEqualTo("100 000,00 €");
    assertThat(view.get("payments")).hasSize(1);
    assertThat(view.get("reports")).isEmpty();
    assertThat(view.get("signaturesRecordedBy").asText()).isEqualTo(AgreementScenarios.AGENT);
    String url = view.get("documents").get(0).get("url").asText();
    ResponseEntity<byte[]> pdf = agent.getForEntity(url, byte[].class);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");

    scenario.mandate(pi, GrantAgreementProcess.TASK_VALIDATE_ADVANCE, "2023-03-20", "M-2023-0999");
    view = json.readTree(agent.getForObject("/api/applications/" + a.getReference() + "/agreement", String.class));
    assertThat(view.get("reports").get(0).get("kind").asText()).isEqualTo("FINAL");
    assertThat(view.get("reports").get(0).get("dueOn").asText()).isEqualTo("2024-06-30");
    assertThat(view.get("payments").get(0).get("status").asText()).isEqualTo("PAID");
    assertThat(view.get("payments").get(0).get("validatedBy").asText()).isEqualTo(AgreementScenarios.FINANCE);
    JsonNode totals = json.readTree(agent.getForObject("/api/calls/" + call + "/agreement-totals", String.class));
    assertThat(totals.get("granted").decimalValue()).isEqualByComparingTo("100000.00");
    assertThat(totals.get("paid").decimalValue()).isEqualByComparingTo("100000.00");
    assertThat(totals.get("recovered").decimalValue()).isEqualByComparingTo("0.00");

    assertThat(agent.getForEntity("/api/applications/NOPE-0000/agreement", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("test.jury.conv", PASSWORD).getForEntity("/api/payments", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theConventionPdfIsFilledFromTheCallAndTheDossier() {
    ConventionPdfRenderer renderer = new ConventionPdfRenderer();
    var values = new java.util.HashMap<String, String>();
    for (String key : new String[] {"numero", "appel", "referenceAppel", "lot", "signataire", "operateur", "dossier",
        "dateDecision", "debut", "fin", "montant", "unites", "echeancier", "bilans", "indicateurs", "ordonnateur",
        "service", "cofinancement"}) {
      values.put(key, "«" + key + "»");
    }
    String text = renderer.fill(fr.pasdecalais.habitat.aap.call.FunderKind.DEPARTEMENT, values);
    assertThat(text).contains("CONVENTION N° «numero»").contains("du «debut» au «fin» inclus").doesNotContain("{{");
    values.remove("montant");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> renderer.fill(fr.pasdecalais.habitat.aap.call.FunderKind.DEPARTEMENT, values))
        .hasMessageContaining("« montant »");
  }
}
