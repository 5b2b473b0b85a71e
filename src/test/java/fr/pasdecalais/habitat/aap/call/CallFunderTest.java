package fr.pasdecalais.habitat.aap.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader.InvalidCallFileException;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.shared.DomainException.FieldProblem;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * The funder of a call: the Département or the State, its service, signatory and co-funder, read
 * from the catalogue's files (the former plain text still read as the Département), through the API,
 * and never a payer group a call could choose.
 */
@SpringScenarioTest
class CallFunderTest {

  private static final String AGENT = "agent.financeur";
  private static final String PASSWORD = "Essai-Financeur-2026!";

  @Autowired CallDefinitionReader reader;
  @Autowired TestRestTemplate rest;
  @Autowired IdentitySetup identity;
  @Autowired ObjectMapper mapper;
  @Autowired CallCatalog catalog;

  @BeforeEach
  void users() {
    identity.ensureUser(AGENT, "Agnès", "Financeur", PASSWORD, Groups.INSTRUCTEURS);
  }

  @Test
  void theCataloguesFundersAreTheDepartementsExceptTheAmlWhichIsTheStates() {
    List<CallDefinition> calls = reader.readAll();
    CallDefinition aml = byReference(calls, "AMI-2019-AML-LDA");
    assertThat(aml.funder().kind()).isEqualTo(FunderKind.ETAT);
    assertThat(aml.funder().signatoryOrDefault()).isEqualTo("le Préfet du Pas-de-Calais");
    assertThat(aml.funder().service()).contains("DDCS").contains("DIHAL");
    // State-funded, decided by the Commission Permanente: the two are independent
    assertThat(aml.decidingBody()).isEqualTo(DecidingBody.COMMISSION_PERMANENTE);
    assertThat(FunderKind.ETAT.payerGroup()).isEqualTo(Groups.ETAT_FINANCES);

    // the former plain text: a Département-funded call of that name
    CallDefinition info = byReference(calls, "AAP-2023-INFO-JURIDIQUE");
    assertThat(info.funder().kind()).isEqualTo(FunderKind.DEPARTEMENT);
    assertThat(info.funder().nameOrDefault()).isEqualTo("Département du Pas-de-Calais");
    assertThat(info.funder().signatoryOrDefault()).isEqualTo("le Président du Conseil départemental du Pas-de-Calais");
    assertThat(FunderKind.DEPARTEMENT.payerGroup()).isEqualTo(Groups.FINANCES);

    CallDefinition coordinateurs = byReference(calls, "AAP-2023-COORDINATEURS-LDA");
    assertThat(coordinateurs.funder().coFunder().sharePercent()).isEqualByComparingTo("74.85");
    assertThat(calls).filteredOn(c -> c.funder().kind() == FunderKind.ETAT).extracting(CallDefinition::reference)
        .containsExactly("AMI-2019-AML-LDA");
  }

  @Test
  void aFaultyFunderIsRefusedWithEveryProblemInFrench() {
    String yaml = """
        reference: AAP-TEST-FINANCEUR
        title: Appel au financeur faux
        funder:
          name: "État"
          coFunder: { sharePercent: 120.5 }
        decidingBody: PREFET
        territories: [PAS_DE_CALAIS]
        lots:
          - code: UNIQUE
            label: Lot unique
            opensAt: "2023-01-01T00:00:00"
            closesAt: "2023-02-01T00:00:00"
            conventionStart: 2023-03-01
            conventionEnd: 2023-12-31
            budget: 1000
        funding: { kind: FIXED, amount: 1000 }
        payment: { advancePercent: 100, balanceTrigger: NONE }
        """;
    assertThatThrownBy(() -> reader.read("faux.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(InvalidCallFileException.class, e -> assertThat(e.getProblems())
            .extracting(FieldProblem::field)
            .contains("funder.kind", "funder.coFunder.name", "funder.coFunder.sharePercent"))
        .hasMessageContaining("Le type de financeur est obligatoire (DEPARTEMENT ou ETAT).")
        .hasMessageContaining("Le nom du cofinanceur est obligatoire.")
        .hasMessageContaining("La part du cofinanceur est comprise entre 0,01 et 100 %.");
  }

  @Test
  void anAgentCreatesAStateFundedCallAndReadsItsFunderBack() {
    String ref = TestCalls.uniqueReference("AAP-ETAT");
    ObjectNode call = validCall(ref);
    call.putObject("funder").put("kind", "ETAT")
        .put("service", "Direction départementale de l'emploi, du travail et des solidarités (DDETS)")
        .putObject("coFunder").put("name", "Département du Pas-de-Calais").put("sharePercent", 25.15);
    assertThat(post(call).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    JsonNode funder = rest.withBasicAuth(AGENT, PASSWORD).getForEntity("/api/calls/" + ref, JsonNode.class).getBody().get("funder");
    assertThat(funder.get("kind").asText()).isEqualTo("ETAT");
    assertThat(funder.get("name").asText()).isEqualTo("État");
    assertThat(funder.get("signatory").asText()).isEqualTo("le Préfet du Pas-de-Calais");
    assertThat(funder.get("service").asText()).isEqualTo("Direction départementale de l'emploi, du travail et des solidarités (DDETS)");
    assertThat(funder.get("coFunder").get("sharePercent").decimalValue()).isEqualByComparingTo("25.15");
    assertThat(catalog.getByReference(ref).getFunder().payerGroup()).isEqualTo(Groups.ETAT_FINANCES);
  }

  @Test
  void theFormerPlainTextIsStillAcceptedAsADepartementFundedCall() {
    String ref = TestCalls.uniqueReference("AAP-TEXTE");
    ObjectNode call = validCall(ref);
    call.put("funder", "Département du Pas-de-Calais (Fonds de Solidarité Logement)");
    assertThat(post(call).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    CallFunder funder = catalog.getByReference(ref).getFunder();
    assertThat(funder.getKind()).isEqualTo(FunderKind.DEPARTEMENT);
    assertThat(funder.getName()).isEqualTo("Département du Pas-de-Calais (Fonds de Solidarité Logement)");
    assertThat(funder.getSignatory()).isEqualTo("le Président du Conseil départemental du Pas-de-Calais");
    assertThat(funder.payerGroup()).isEqualTo(Groups.FINANCES);
  }

  /** Separation of duties: the group that validates payments is the funder's, no call can name one. */
  @Test
  void aCallCannotNameTheGroupThatValidatesItsPayments() {
    String ref = TestCalls.uniqueReference("AAP-PAYEUR");
    ObjectNode call = validCall(ref);
    call.putObject("funder").put("kind", "ETAT").put("payerGroup", Groups.INSTRUCTEURS);
    ResponseEntity<JsonNode> refused = post(call);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("payerGroup");
    ObjectNode other = validCall(ref);
    other.put("payerGroup", Groups.INSTRUCTEURS);
    assertThat(post(other).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(catalog.findByReference(ref)).isEmpty();
  }

  private ObjectNode validCall(String reference) {
    ObjectNode call = mapper.valueToTree(TestCalls.call(reference, DecidingBody.PREFET, List.of(
        TestCalls.lot("UNIQUE", "2026-11-01T00:00:00", "2027-01-31T23:59:59", "2027-03-01", "2028-02-29", "42000.00",
            "ARTOIS", "LENS_HENIN"))));
    ObjectNode lot = (ObjectNode) call.get("lots").get(0);
    lot.put("opensAt", "2026-11-01T00:00:00");
    lot.put("closesAt", "2027-01-31T23:59:59");
    return call;
  }

  private ResponseEntity<JsonNode> post(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(AGENT, PASSWORD).exchange("/api/calls?publish=false", HttpMethod.POST,
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static CallDefinition byReference(List<CallDefinition> calls, String reference) {
    return calls.stream().filter(c -> c.reference().equals(reference)).findFirst().orElseThrow();
  }
}
