package fr.pasdecalais.habitat.aap.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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

/** {@code /api/calls}: reading the catalogue, creating a call, and every refusal in French. */
@SpringScenarioTest
class CallApiTest {

  private static final String AGENT = "agent.appels";
  private static final String JUROR = "jure.appels";
  private static final String PASSWORD = "Essai-Appels-2026!";

  @Autowired TestRestTemplate rest;
  @Autowired IdentitySetup identity;
  @Autowired ObjectMapper mapper;
  @Autowired ProcessEngine engine;
  @Autowired CallCatalog catalog;

  @BeforeEach
  void users() {
    identity.ensureUser(AGENT, "Agnès", "Appels", PASSWORD, Groups.INSTRUCTEURS);
    identity.ensureUser(JUROR, "Jules", "Juré", PASSWORD, Groups.JURY);
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, PASSWORD);
  }

  /** A valid call whose single lot is open around the real current date (November 2026). */
  private ObjectNode validCall(String reference) {
    ObjectNode call = mapper.valueToTree(TestCalls.call(reference, DecidingBody.COMMISSION_PERMANENTE, List.of(
        TestCalls.lot("UNIQUE", "2026-11-01T00:00:00", "2027-01-31T23:59:59", "2027-03-01", "2028-02-29", "42000.00",
            "ARTOIS", "LENS_HENIN"))));
    // times as an agent writes them: Paris local time
    ObjectNode lot = (ObjectNode) call.get("lots").get(0);
    lot.put("opensAt", "2026-11-01T00:00:00");
    lot.put("closesAt", "2027-01-31T23:59:59");
    return call;
  }

  private ResponseEntity<JsonNode> post(String user, Object body, String query) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as(user).exchange("/api/calls" + query, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  @Test
  void anAgentCreatesAndPublishesACallThatAnyUserCanRead() {
    String ref = TestCalls.uniqueReference("AAP-API");
    ResponseEntity<JsonNode> created = post(AGENT, validCall(ref), "");
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/calls/" + ref);
    assertThat(created.getBody().get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallProcess.KEY)
        .processInstanceBusinessKey(ref).count()).isEqualTo(1);

    ResponseEntity<JsonNode> read = as(JUROR).getForEntity("/api/calls/" + ref, JsonNode.class);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode call = read.getBody();
    assertThat(call.get("statusLabel").asText()).isEqualTo("Publié");
    assertThat(call.get("decidingBodyLabel").asText()).isEqualTo("Commission Permanente");
    JsonNode lot = call.get("lots").get(0);
    assertThat(lot.get("closesAt").asText()).isEqualTo("2027-01-31T23:59:59+01:00");
    assertThat(lot.get("window").asText()).isEqualTo("du 01/11/2026 à 00h00 au 31/01/2027 à 23h59");
    assertThat(lot.get("open").asBoolean()).isTrue();
    assertThat(lot.get("budget").decimalValue()).isEqualByComparingTo("42000.00");
    assertThat(call.get("payment").get("label").asText()).isEqualTo("60 % à la signature, solde au service fait");
    assertThat(call.get("funding").get("unitPrices").get(0).get("price").decimalValue()).isEqualByComparingTo("162.38");
    assertThat(call.get("applicationCounts").isObject()).isTrue();

    ResponseEntity<JsonNode> list = as(JUROR).getForEntity("/api/calls", JsonNode.class);
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> refs = new ArrayList<>();
    list.getBody().forEach(n -> refs.add(n.get("reference").asText()));
    assertThat(refs).contains(ref);
  }

  @Test
  void everyFaultyFieldIsListedInFrench() {
    ObjectNode call = validCall(TestCalls.uniqueReference("AAP-API-FAUX"));
    call.putArray("territories").add("PAS_DE_CALAIS").add("ATLANTIDE");
    ObjectNode lot = (ObjectNode) call.get("lots").get(0);
    lot.put("opensAt", "2027-02-01T00:00:00");
    lot.put("conventionStart", "2026-12-01");
    lot.put("budget", -5);
    ObjectNode second = ((ArrayNode) call.get("lots")).addObject();
    second.put("code", "AMI2").put("label", "Lot sans budget").put("opensAt", "2027-03-01T00:00:00")
        .put("closesAt", "2027-04-30T23:59:59").put("conventionStart", "2027-06-01").put("conventionEnd", "2028-05-31");
    ((ObjectNode) call.get("selectionCriteria").get(0)).put("weight", 30);
    ((ObjectNode) call.get("funding").get("unitPrices").get(0)).put("price", 0);

    ResponseEntity<JsonNode> response = post(AGENT, call, "");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    JsonNode body = response.getBody();
    assertThat(body.get("title").asText()).isEqualTo("Données invalides");
    Map<String, String> errors = new java.util.TreeMap<>();
    body.get("errors").forEach(e -> errors.merge(e.get("field").asText(), e.get("message").asText(), (a, b) -> a + " | " + b));
    assertThat(errors).containsEntry("territories[1]", "Le territoire « ATLANTIDE » est inconnu.")
        .containsEntry("lots[0].closesAt", "La clôture (31/01/2027 à 23h59) doit être postérieure à l'ouverture (01/02/2027 à 00h00).")
        .containsEntry("lots[0].conventionStart", "La période de convention ne peut commencer (01/12/2026) avant l'ouverture de l'appel (01/02/2027).")
        .containsEntry("lots[0].budget", "L'enveloppe budgétaire doit être strictement positive.")
        .containsEntry("lots[1].budget", "L'enveloppe budgétaire du lot est obligatoire.")
        .containsEntry("selectionCriteria", "La somme des poids des critères doit être 100 (elle est de 90).")
        .containsEntry("funding.unitPrices[0].price", "Le prix unitaire doit être strictement positif.");
    assertThat(body.get("detail").asText()).isEqualTo(errors.size() + " champs sont invalides.");
    assertThat(catalog.findByReference(call.get("reference").asText())).isEmpty();
  }

  @Test
  void aTakenReferenceIsAConflict() {
    String ref = TestCalls.uniqueReference("AAP-API-DOUBLE");
    assertThat(post(AGENT, validCall(ref), "?publish=false").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> again = post(AGENT, validCall(ref), "");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().get("detail").asText()).isEqualTo("Un appel à projets a déjà la référence « " + ref + " ».");
  }

  @Test
  void onlyAgentsCreateCallsAndAnUnknownCallIsNotFound() {
    ResponseEntity<JsonNode> denied = post(JUROR, validCall(TestCalls.uniqueReference("AAP-API-JURY")), "");
    assertThat(denied.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/calls", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> missing = as(JUROR).getForEntity("/api/calls/AAP-1999-INCONNU", JsonNode.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody().get("detail").asText()).isEqualTo("Aucun appel à projets n'a la référence « AAP-1999-INCONNU ».");
  }

  @Test
  void aDraftIsPublishedFromTheTasklistStartFormOnce() {
    String ref = TestCalls.uniqueReference("AAP-API-BROUILLON");
    ResponseEntity<JsonNode> draft = post(AGENT, validCall(ref), "?publish=false");
    assertThat(draft.getBody().get("status").asText()).isEqualTo("DRAFT");

    // what Tasklist's start form "call-publish" submits
    engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CallProcess.KEY).latestVersion().singleResult().getId(), ref,
        Map.of(ProcessContract.VAR_CALL_REFERENCE, ref));
    assertThat(catalog.getByReference(ref).getStatus()).isEqualTo(CallStatus.PUBLISHED);

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(CallProcess.KEY, ref,
        Map.of(ProcessContract.VAR_CALL_REFERENCE, ref)))
        .hasMessageContaining("L'appel « " + ref + " » est déjà publié (statut « Publié »).");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ref).count()).isEqualTo(1);
  }

  @Test
  void aDraftPublishedFromTheStartFormWithoutBusinessKeyIsKeyedByItsReference() {
    String ref = TestCalls.uniqueReference("AAP-API-SANS-CLE");
    post(AGENT, validCall(ref), "?publish=false");

    // Tasklist's start dialog of a Camunda Form has no business key field: the form submits the reference only
    engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CallProcess.KEY).latestVersion().singleResult().getId(),
        Map.of(ProcessContract.VAR_CALL_REFERENCE, " " + ref + " "));

    assertThat(catalog.getByReference(ref).getStatus()).isEqualTo(CallStatus.PUBLISHED);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallProcess.KEY)
        .processInstanceBusinessKey(ref).count()).isEqualTo(1);
  }

  @Test
  void malformedJsonGetsAFrenchProblem() {
    ResponseEntity<JsonNode> response = post(AGENT, "{\"reference\": ", "");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(response.getBody().path("title").asText()).isEqualTo("Requête illisible");
    assertThat(response.getBody().path("detail").asText()).contains("JSON valide");
  }
}
