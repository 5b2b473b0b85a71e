package fr.pasdecalais.habitat.aap.application;

import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.support.PostgresIntegrationTest;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.spin.plugin.variable.SpinValues;
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

/** The dossier API on a real PostgreSQL: submission, errors, reading rights, withdrawal, task conflicts. */
@PostgresIntegrationTest
class ApplicationApiIT {

  static final String PASSWORD = "Essai-Api-2026!";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;
  @Autowired ApplicationService service;
  @Autowired ApplicationRepository applications;
  @Autowired OrganizationRepository organizations;
  @Autowired OrganizationMemberships memberships;
  @Autowired IdentitySetup identity;
  @Autowired ProcessEngine engine;

  Dossiers dossiers;
  CallForProjects call;
  String partner;
  String otherPartner;
  String agent;
  String juror;
  String otherJuror;

  @BeforeEach
  void setUp() {
    dossiers = new Dossiers(catalog, reader, service);
    call = dossiers.call(false);
    // partners see published calls only
    catalog.publish(call.getReference());
    partner = "porteur-" + UUID.randomUUID().toString().substring(0, 8);
    otherPartner = "porteur-" + UUID.randomUUID().toString().substring(0, 8);
    identity.ensureUser(partner, "Paul", "Porteur", PASSWORD, Groups.PORTEURS);
    identity.ensureUser(otherPartner, "Olga", "Autre", PASSWORD, Groups.PORTEURS);
    agent = "instructeur-" + UUID.randomUUID().toString().substring(0, 8);
    juror = call.getJury().get(0).getUserId();
    otherJuror = "jure-" + UUID.randomUUID().toString().substring(0, 8);
    identity.ensureUser(agent, "Camille", "Martin", PASSWORD, Groups.INSTRUCTEURS);
    identity.ensureUser(juror, "Sophie", "Dubois", PASSWORD, Groups.JURY);
    identity.ensureUser(otherJuror, "Nadia", "Benali", PASSWORD, Groups.JURY);
    clock("2023-04-10T10:00:00");
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @Test
  void partnerSubmitsAndFollowsItsDossier() throws Exception {
    ResponseEntity<String> created = post(partner, "/api/calls/" + call.getReference() + "/applications", body(partnerSiret()));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode view = json.readTree(created.getBody());
    String reference = view.get("reference").asText();
    assertThat(reference).isEqualTo(call.getReference() + "-0001");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/applications/" + reference);
    assertThat(view.get("state").asText()).isEqualTo("RECEIVED");

    JsonNode dossier = json.readTree(get(partner, "/api/applications/" + reference).getBody());
    assertThat(dossier.get("stateLabel").asText()).isEqualTo("Reçu, en attente de la vérification de complétude");
    assertThat(dossier.get("requestedAmount").decimalValue()).isEqualByComparingTo("42000.00");
    assertThat(dossier.get("timeline").get(0).get("actor").asText()).isEqualTo(partner);
    assertThat(dossier.get("timeline").get(0).get("description").asText()).startsWith("Candidature déposée en ligne le 10/04/2023 à 10h00");
    assertThat(dossier.get("pieces")).hasSize(5);
    assertThat(dossier.has("opinions")).isFalse();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("application").count()).isEqualTo(1);
    // the partner's list holds its dossier only
    JsonNode mine = json.readTree(get(partner, "/api/applications").getBody());
    assertThat(mine).extracting(n -> n.get("reference").asText()).containsExactly(reference);
    assertThat(json.readTree(get(otherPartner, "/api/applications").getBody())).isEmpty();
  }

  @Test
  void badInputGetsPreciseFrenchProblemsAndWritesNothing() throws Exception {
    Map<String, Object> bad = body("12345678901234");
    @SuppressWarnings("unchecked")
    Map<String, Object> org = (Map<String, Object>) bad.get("organization");
    org.put("email", "pas-une-adresse");
    org.remove("name");
    bad.put("territories", List.of("ATLANTIDE"));
    ResponseEntity<String> r = post(partner, "/api/calls/" + call.getReference() + "/applications", bad);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = json.readTree(r.getBody());
    assertThat(problem.get("title").asText()).isEqualTo("Données invalides");
    assertThat(problem.get("errors")).extracting(e -> e.get("field").asText() + " : " + e.get("message").asText())
        .contains("organization.siret : Le SIRET doit comporter 14 chiffres et sa clé de contrôle (Luhn) doit être juste.",
            "organization.email : L'adresse électronique n'est pas valide.",
            "organization.name : La raison sociale est obligatoire.");

    ResponseEntity<String> territory = post(partner, "/api/calls/" + call.getReference() + "/applications",
        withTerritories(body(Dossiers.siret()), "ATLANTIDE"));
    assertThat(territory.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(territory.getBody()).contains("Le territoire « ATLANTIDE » n'existe pas.");

    ResponseEntity<String> malformed = http.withBasicAuth(partner, PASSWORD).exchange("/api/calls/" + call.getReference()
        + "/applications", HttpMethod.POST, new HttpEntity<>("{\"organization\": {", jsonHeaders()), String.class);
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // the French wording comes from web.ApiExceptionHandler once it takes precedence over Spring's own
    // problem-details handler (see the report to the lead); the status and the format are ours already
    assertThat(malformed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(post(partner, "/api/calls/AAP-1999-INCONNU/applications", body(Dossiers.siret())).getBody())
        .contains("Aucun appel à projets n'a la référence « AAP-1999-INCONNU »");
    Map<String, Object> unknownLot = body(Dossiers.siret());
    unknownLot.put("lotCode", "AMI9");
    ResponseEntity<String> lot = post(partner, "/api/calls/" + call.getReference() + "/applications", unknownLot);
    assertThat(lot.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(lot.getBody()).contains("n'a pas de lot « AMI9 »");

    assertThat(applications.findByCallReferenceOrderByReference(call.getReference())).isEmpty();
    assertThat(http.postForEntity("/api/calls/" + call.getReference() + "/applications", body(Dossiers.siret()), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    String secretary = "secretariat-" + UUID.randomUUID().toString().substring(0, 8);
    identity.ensureUser(secretary, "Isabelle", "Moreau", PASSWORD, Groups.SECRETARIAT);
    assertThat(post(secretary, "/api/calls/" + call.getReference() + "/applications", body(Dossiers.siret()))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void windowAndDuplicateRules() throws Exception {
    clock("2023-03-31T12:00:00");
    ResponseEntity<String> early = post(partner, "/api/calls/" + call.getReference() + "/applications", body(Dossiers.siret()));
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getBody()).contains("n'est pas encore ouvert aux candidatures : ouverture le 01/04/2023 à 00h00");

    clock("2023-04-10T10:00:00");
    String siret = partnerSiret();
    assertThat(post(partner, "/api/calls/" + call.getReference() + "/applications", body(siret)).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    ResponseEntity<String> duplicate = post(partner, "/api/calls/" + call.getReference() + "/applications", body(siret));
    assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(duplicate.getBody()).contains("a déjà un dossier en cours");
    // another partner account cannot submit for an organisation it does not act for
    ResponseEntity<String> foreign = post(otherPartner, "/api/calls/" + call.getReference() + "/applications", body(siret));
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(foreign.getBody()).contains("Votre compte n'est pas rattaché à l'organisme");

    clock("2023-06-01T00:00:05");
    ResponseEntity<String> late = post(partner, "/api/calls/" + call.getReference() + "/applications", body(partnerSiret()));
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    JsonNode problem = json.readTree(late.getBody());
    assertThat(problem.get("detail").asText()).contains("est clos depuis le 31/05/2023 à 23h59")
        .contains("enregistré comme irrecevable (hors délai)");
    String lateReference = problem.get("reference").asText();
    assertThat(applications.findByReference(lateReference).orElseThrow().getState()).isEqualTo(ApplicationState.LATE);
  }

  @Test
  void whoMayReadWhat() throws Exception {
    String reference = json.readTree(post(partner, "/api/calls/" + call.getReference() + "/applications",
        body(partnerSiret())).getBody()).get("reference").asText();

    assertThat(get(otherPartner, "/api/applications/" + reference).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(otherJuror, "/api/applications/" + reference).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> asJuror = get(juror, "/api/applications/" + reference);
    assertThat(asJuror.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(asJuror.getBody()).has("opinions")).isFalse();
    assertThat(json.readTree(get(juror, "/api/applications?call=" + call.getReference()).getBody()))
        .extracting(n -> n.get("reference").asText()).containsExactly(reference);
    assertThat(get(agent, "/api/applications/" + reference).getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode filtered = json.readTree(get(agent, "/api/applications?call=" + call.getReference() + "&state=RECEIVED").getBody());
    assertThat(filtered).extracting(n -> n.get("reference").asText()).containsExactly(reference);
    assertThat(json.readTree(get(agent, "/api/applications?call=" + call.getReference() + "&state=GRANTED").getBody())).isEmpty();
    ResponseEntity<String> badState = get(agent, "/api/applications?state=ACCEPTE");
    assertThat(badState.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badState.getBody()).contains("L'état « ACCEPTE » n'existe pas");
    // the jury reads but may not withdraw
    assertThat(post(juror, "/api/applications/" + reference + "/withdrawal", Map.of("reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void partnerWithdrawsBeforeTheDecision() throws Exception {
    String reference = json.readTree(post(partner, "/api/calls/" + call.getReference() + "/applications",
        body(partnerSiret())).getBody()).get("reference").asText();

    ResponseEntity<String> withdrawn = post(partner, "/api/applications/" + reference + "/withdrawal",
        Map.of("reason", "L'association renonce au projet."));
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode view = json.readTree(withdrawn.getBody());
    assertThat(view.get("state").asText()).isEqualTo("WITHDRAWN");
    assertThat(view.get("withdrawalReason").asText()).isEqualTo("L'association renonce au projet.");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).count()).isZero();

    ResponseEntity<String> again = post(partner, "/api/applications/" + reference + "/withdrawal", Map.of("reason", "bis"));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody()).contains("Désistement impossible");
  }

  @Test
  void piecesReceivedTwiceOrConcurrentlyOneWinsTheOtherGetsAConflict() throws Exception {
    String reference = json.readTree(post(partner, "/api/calls/" + call.getReference() + "/applications",
        body(partnerSiret())).getBody()).get("reference").asText();
    var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(ApplicationProcess.TASK_CHECK_COMPLETENESS).singleResult();
    engine.getTaskService().claim(task.getId(), agent);
    engine.getTaskService().complete(task.getId(), Map.of("complete", "false",
        "missingPieces", SpinValues.jsonValue("[\"BUDGET\"]").create(), "missingReason", "OUTDATED"));
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(ApplicationProcess.TASK_AWAIT_PIECES).count()).isEqualTo(1);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
    Callable<ResponseEntity<String>> call = () -> post(agent, "/api/applications/" + reference + "/pieces-received",
        Map.of("comment", "Budget reçu par courrier le 12/04/2023"));
    answers.add(pool.submit(call));
    answers.add(pool.submit(call));
    List<HttpStatus> statuses = new ArrayList<>();
    for (Future<ResponseEntity<String>> f : answers) {
      statuses.add(HttpStatus.valueOf(f.get().getStatusCode().value()));
    }
    pool.shutdown();
    assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(ApplicationProcess.TASK_CHECK_COMPLETENESS).count()).isEqualTo(1);

    ResponseEntity<String> third = post(agent, "/api/applications/" + reference + "/pieces-received", Map.of());
    assertThat(third.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(third.getBody()).contains("a déjà été traitée");
    JsonNode view = json.readTree(get(agent, "/api/applications/" + reference).getBody());
    assertThat(view.get("regularizationRequests").get(0).get("reason").asText()).isEqualTo("pièce périmée");
    assertThat(view.get("timeline")).extracting(n -> n.get("description").asText())
        .contains("Pièces reçues par courrier ou courriel : Budget reçu par courrier le 12/04/2023");
  }

  /** An organisation the partner account acts for, membership granted by an agent. */
  private String partnerSiret() {
    return Dossiers.memberOrganization(organizations, memberships, partner);
  }

  private Map<String, Object> body(String siret) {
    Map<String, Object> org = new java.util.LinkedHashMap<>(Map.of("siret", siret, "name", "Association Toit Partagé",
        "legalForm", "Association loi 1901", "holderType", Dossiers.HOLDER_TYPE, "approvals", List.of(Dossiers.AGREMENT),
        "street", "3 rue Victor Hugo", "postalCode", "62300", "city", "Lens", "email", Dossiers.email(),
        "legalRepresentative", "Nadine Carpentier"));
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("organization", org);
    body.put("lotCode", "UNIQUE");
    body.put("territories", List.of("LENS_HENIN", "CALL"));
    body.put("requestedAmount", "42000.00");
    body.put("requestedUnits", 20);
    body.put("summary", "Accompagnement de 20 ménages en précarité énergétique.");
    return body;
  }

  private static Map<String, Object> withTerritories(Map<String, Object> body, String... territories) {
    body.put("territories", List.of(territories));
    return body;
  }

  private HttpHeaders jsonHeaders() {
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    return h;
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, jsonHeaders()), String.class);
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
  }
}
