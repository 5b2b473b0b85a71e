package fr.pasdecalais.habitat.aap.application;

import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.application.process.MembershipProcess;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.notification.Notification;
import fr.pasdecalais.habitat.aap.notification.NotificationKind;
import fr.pasdecalais.habitat.aap.notification.NotificationRepository;
import fr.pasdecalais.habitat.aap.notification.NotificationStatus;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Partner accounts (group {@code porteurs}, REST API only) get exactly their rights: no draft call,
 * and an organisation's membership granted by an agent — through the API or the task "Valider le
 * rattachement d'un compte partenaire" — never taken by the first account that files for a SIRET.
 */
@SpringScenarioTest
class PartnerAccountsScenarioTest {

  static final String PASSWORD = "Essai-Partenaires-2026!";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired ProcessEngine engine;
  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;
  @Autowired ApplicationService service;
  @Autowired ApplicationRepository applications;
  @Autowired OrganizationRepository organizations;
  @Autowired OrganizationMemberRepository members;
  @Autowired MembershipRequestRepository requests;
  @Autowired OrganizationMemberships memberships;
  @Autowired NotificationRepository notifications;
  @Autowired IdentitySetup identity;

  CallForProjects call;
  String partner;
  String agent;
  String supervisor;
  String juror;

  @BeforeEach
  void setUp() {
    ProcessTestSupport.init(engine);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    partner = "porteur-" + suffix;
    agent = "instructeur-" + suffix;
    supervisor = "superviseur-" + suffix;
    juror = "jure-" + suffix;
    identity.ensureUser(partner, "Paul", "Porteur", PASSWORD, Groups.PORTEURS);
    identity.ensureUser(agent, "Camille", "Martin", PASSWORD, Groups.INSTRUCTEURS);
    identity.ensureUser(supervisor, "Claire", "Fontaine", PASSWORD, Groups.SUPERVISEURS);
    identity.ensureUser(juror, "Sophie", "Dubois", PASSWORD, Groups.JURY);
    call = new Dossiers(catalog, reader, service).call(false);
    catalog.publish(call.getReference());
    clock("2023-04-10T10:00:00");
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  // ---------------------------------------------------------------- draft calls

  @Test
  void aPartnerNeitherSeesADraftCallNorFilesOnIt() throws Exception {
    CallForProjects draft = new Dossiers(catalog, reader, service).call(false);
    String siret = Dossiers.siret();

    for (String outsider : List.of(partner, juror)) {
      assertThat(references(get(outsider, "/api/calls"))).as(outsider).contains(call.getReference())
          .doesNotContain(draft.getReference());
      ResponseEntity<String> byRef = get(outsider, "/api/calls/" + draft.getReference());
      assertThat(byRef.getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(byRef.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      // the very answer of an unknown reference: the draft's existence is not revealed
      assertThat(json.readTree(byRef.getBody()).get("detail").asText())
          .isEqualTo("Aucun appel à projets n'a la référence « " + draft.getReference() + " ».");
    }
    for (String insider : List.of(agent, supervisor)) {
      assertThat(references(get(insider, "/api/calls"))).as(insider).contains(draft.getReference(), call.getReference());
      assertThat(get(insider, "/api/calls/" + draft.getReference()).getStatusCode()).as(insider).isEqualTo(HttpStatus.OK);
    }

    ResponseEntity<String> filed = post(partner, "/api/calls/" + draft.getReference() + "/applications", body(siret, "Association du Brouillon"));
    assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json.readTree(filed.getBody()).get("detail").asText())
        .isEqualTo("Aucun appel à projets n'a la référence « " + draft.getReference() + " ».");
    assertThat(applications.findByCallReferenceOrderByReference(draft.getReference())).isEmpty();
    assertThat(organizations.findBySiret(siret)).as("nothing recorded, no membership request").isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().variableValueEquals("siret", siret).count()).isZero();
  }

  // ---------------------------------------------------------------- membership requests

  @Test
  void theFirstFilerOfANewSiretIsRefusedAndItsRequestGoesToTheInstructeurs() throws Exception {
    String siret = Dossiers.siret();

    ResponseEntity<String> refused = post(partner, filing(), body(siret, "Association Toit Partagé"));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = json.readTree(refused.getBody());
    assertThat(problem.get("title").asText()).isEqualTo("Accès refusé");
    assertThat(problem.get("detail").asText()).isEqualTo("Votre compte n'est pas rattaché à l'organisme « Association Toit Partagé » (SIRET "
        + siret + ") : une demande de rattachement a été transmise au service instructeur ; vous pourrez déposer dès qu'elle sera acceptée.");
    assertThat(applications.findByCallReferenceOrderByReference(call.getReference())).isEmpty();
    // the organisation is known from what the filing declared, and nobody acts for it
    Organization org = organizations.findBySiret(siret).orElseThrow();
    assertThat(org.getName()).isEqualTo("Association Toit Partagé");
    assertThat(org.getCity()).isEqualTo("Lens");
    assertThat(members.findByOrganizationIdOrderByUserId(org.getId())).isEmpty();
    MembershipRequest request = requests.findFirstByUserIdAndOrganizationIdOrderByIdDesc(partner, org.getId()).orElseThrow();
    assertThat(request.getStatus()).isEqualTo(MembershipRequest.Status.PENDING);
    assertThat(request.getCallReference()).isEqualTo(call.getReference());

    ProcessInstance pi = membershipProcess(siret);
    assertThat(pi).isWaitingAt(MembershipProcess.TASK_VALIDATE)
        .hasBusinessKey(MembershipProcess.REFERENCE_PREFIX + request.getId())
        .variables().containsEntry("accountId", partner).containsEntry("accountName", "Paul Porteur")
        .containsEntry("organizationName", "Association Toit Partagé").containsEntry("siret", siret)
        .containsEntry("callReference", call.getReference());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task.getName()).isEqualTo("Valider le rattachement d'un compte partenaire");
    assertThat(task).hasCandidateGroup(Groups.INSTRUCTEURS);
    // the instructeur finds it in Tasklist (its own engine rights), the partner does not
    assertThat(engineTasks(agent, pi.getId())).hasSize(1);
  }

  @Test
  void anInstructeurAcceptsThroughTheTaskThenThePartnerFiles() throws Exception {
    String siret = Dossiers.siret();
    assertThat(post(partner, filing(), body(siret, "Association Toit Partagé")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ProcessInstance pi = membershipProcess(siret);

    completeAsTasklist(agent, pi, Map.of("membershipAccepted", "true"));
    executeDueJobs(engine);

    assertThat(pi).isEnded().hasPassed(MembershipProcess.END_GRANTED);
    Organization org = organizations.findBySiret(siret).orElseThrow();
    OrganizationMember member = members.findById(new OrganizationMember.Key(partner, org.getId())).orElseThrow();
    assertThat(member.getGrantedBy()).isEqualTo(agent);
    MembershipRequest request = requests.findFirstByUserIdAndOrganizationIdOrderByIdDesc(partner, org.getId()).orElseThrow();
    assertThat(request.getStatus()).isEqualTo(MembershipRequest.Status.ACCEPTED);
    assertThat(request.getDecidedBy()).isEqualTo(agent);
    Notification mail = decisionMail(pi);
    assertThat(mail.getKind()).isEqualTo(NotificationKind.MEMBERSHIP_GRANTED);
    assertThat(mail.getRecipient()).isEqualTo(partner + "@demo.pasdecalais.invalid");
    assertThat(mail.getStatus()).isEqualTo(NotificationStatus.SENT);

    ResponseEntity<String> filed = post(partner, filing(), body(siret, "Association Toit Partagé"));
    assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String reference = json.readTree(filed.getBody()).get("reference").asText();
    assertThat(get(partner, "/api/applications/" + reference).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aRefusalKeepsThePartnerOut() throws Exception {
    String siret = Dossiers.siret();
    post(partner, filing(), body(siret, "Association Toit Partagé"));
    ProcessInstance pi = membershipProcess(siret);

    completeAsTasklist(agent, pi, Map.of("membershipAccepted", "false",
        "membershipRefusalReason", "Le représentant légal ne connaît pas ce compte."));
    executeDueJobs(engine);

    assertThat(pi).isEnded().hasPassed(MembershipProcess.END_REFUSED);
    Organization org = organizations.findBySiret(siret).orElseThrow();
    assertThat(members.existsByUserIdAndOrganizationId(partner, org.getId())).isFalse();
    MembershipRequest request = requests.findFirstByUserIdAndOrganizationIdOrderByIdDesc(partner, org.getId()).orElseThrow();
    assertThat(request.getStatus()).isEqualTo(MembershipRequest.Status.REFUSED);
    assertThat(request.getRefusalReason()).isEqualTo("Le représentant légal ne connaît pas ce compte.");
    Notification mail = decisionMail(pi);
    assertThat(mail.getKind()).isEqualTo(NotificationKind.MEMBERSHIP_REFUSED);
    assertThat(mail.getBody()).contains("Motif : Le représentant légal ne connaît pas ce compte.");

    ResponseEntity<String> again = post(partner, filing(), body(siret, "Association Toit Partagé"));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json.readTree(again.getBody()).get("detail").asText())
        .startsWith("Votre compte n'est pas rattaché à l'organisme « Association Toit Partagé » (SIRET " + siret + ")")
        .contains("votre demande de rattachement a été refusée le 10/04/2023 à 10h00 (motif : Le représentant légal ne connaît pas ce compte.)");
    assertThat(applications.findByCallReferenceOrderByReference(call.getReference())).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MembershipProcess.KEY)
        .variableValueEquals("siret", siret).count()).as("no second request after a refusal").isZero();
  }

  @Test
  void aSecondFilingWhileTheRequestIsPendingGetsTheSameAnswerAndNoSecondTask() throws Exception {
    String siret = Dossiers.siret();
    ResponseEntity<String> first = post(partner, filing(), body(siret, "Association Toit Partagé"));
    // the organisation declared differently the second time: an account that does not act for it changes nothing
    ResponseEntity<String> second = post(partner, filing(), body(siret, "Autre Nom"));

    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json.readTree(second.getBody()).get("detail")).isEqualTo(json.readTree(first.getBody()).get("detail"));
    assertThat(organizations.findBySiret(siret).orElseThrow().getName()).isEqualTo("Association Toit Partagé");
    assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey(MembershipProcess.KEY)
        .processVariableValueEquals("siret", siret).count()).isEqualTo(1);

    // and the database itself refuses a second pending request for the same account and organisation
    Long orgId = organizations.findBySiret(siret).orElseThrow().getId();
    assertThatThrownBy(() -> requests.saveAndFlush(new MembershipRequest(partner, orgId, call.getReference(), Instant.now())))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(requests.findByUserIdAndOrganizationIdAndStatus(partner, orgId, MembershipRequest.Status.PENDING)).hasSize(1);
  }

  // ---------------------------------------------------------------- membership API

  @Test
  void instructeursGrantAndRevokeMembershipThroughTheApi() throws Exception {
    String siret = knownOrganization();
    String path = "/api/organizations/" + siret + "/members";

    ResponseEntity<String> granted = post(agent, path, Map.of("userId", partner));
    assertThat(granted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(granted.getHeaders().getLocation()).hasToString(path + "/" + partner);
    JsonNode member = json.readTree(granted.getBody());
    assertThat(member.get("userId").asText()).isEqualTo(partner);
    assertThat(member.get("fullName").asText()).isEqualTo("Paul Porteur");
    assertThat(member.get("grantedBy").asText()).isEqualTo(agent);
    assertThat(json.readTree(get(supervisor, path).getBody())).extracting(n -> n.get("userId").asText()).containsExactly(partner);
    assertThat(post(partner, filing(), body(siret, "Association Toit Partagé")).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    ResponseEntity<String> twice = post(agent, path, Map.of("userId", partner));
    assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(json.readTree(twice.getBody()).get("detail").asText()).isEqualTo("Le compte « " + partner
        + " » est déjà rattaché à l'organisme « Association Toit Partagé » (SIRET " + siret + ").");

    assertThat(delete(agent, path + "/" + partner).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(json.readTree(get(agent, path).getBody())).isEmpty();
    assertThat(delete(agent, path + "/" + partner).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    // revoked: the next filing is refused again (and asks again)
    assertThat(post(partner, filing(), body(siret, "Association Toit Partagé")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theMembershipApiRefusesPartnersUnknownSiretsAndAccountsThatAreNotPartners() throws Exception {
    String siret = knownOrganization();
    String path = "/api/organizations/" + siret + "/members";

    for (ResponseEntity<String> denied : List.of(post(partner, path, Map.of("userId", partner)), get(partner, path),
        delete(partner, path + "/" + partner), post(supervisor, path, Map.of("userId", partner)))) {
      assertThat(denied.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(json.readTree(denied.getBody()).get("detail").asText()).isEqualTo("Vos droits ne permettent pas cette opération.");
    }
    assertThat(members.existsByUserIdAndOrganizationId(partner, organizations.findBySiret(siret).orElseThrow().getId())).isFalse();

    String unknown = Dossiers.siret();
    for (ResponseEntity<String> missing : List.of(post(agent, "/api/organizations/" + unknown + "/members", Map.of("userId", partner)),
        get(agent, "/api/organizations/" + unknown + "/members"))) {
      assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(json.readTree(missing.getBody()).get("detail").asText()).isEqualTo("Aucun organisme n'a le SIRET « " + unknown + " ».");
    }
    ResponseEntity<String> noAccount = post(agent, path, Map.of("userId", "personne-" + UUID.randomUUID()));
    assertThat(noAccount.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(noAccount.getBody()).contains("Aucun compte n'a l'identifiant");
    ResponseEntity<String> notPartner = post(agent, path, Map.of("userId", juror));
    assertThat(notPartner.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(notPartner.getBody()).get("errors").get(0).get("message").asText())
        .isEqualTo("Le compte « " + juror + " » n'est pas un compte partenaire (groupe « porteurs ») : seul un compte partenaire peut être rattaché à un organisme.");
    ResponseEntity<String> blank = post(agent, path, Map.of("userId", " "));
    assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(blank.getBody()).contains("Indiquez l'identifiant du compte partenaire à rattacher.");
  }

  @Test
  void aSecondLegitimateAccountOfAKnownOrganisationIsAddedByAnAgentAndFiles() throws Exception {
    String siret = knownOrganization();
    memberships.grant(siret, partner, agent);
    String colleague = "collegue-" + UUID.randomUUID().toString().substring(0, 8);
    identity.ensureUser(colleague, "Nadine", "Carpentier", PASSWORD, Groups.PORTEURS);

    // the colleague's first filing is refused (this is the squatting the organisation is protected from) and asks to join
    ResponseEntity<String> refused = post(colleague, filing(), body(siret, "Association Toit Partagé"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ProcessInstance pi = membershipProcess(siret);
    assertThat(pi).isWaitingAt(MembershipProcess.TASK_VALIDATE);

    // an agent adds the account through the API: the pending request is settled and its task withdrawn
    assertThat(post(agent, "/api/organizations/" + siret + "/members", Map.of("userId", colleague)).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(pi).isEnded();
    Long orgId = organizations.findBySiret(siret).orElseThrow().getId();
    assertThat(requests.findFirstByUserIdAndOrganizationIdOrderByIdDesc(colleague, orgId).orElseThrow().getStatus())
        .isEqualTo(MembershipRequest.Status.ACCEPTED);
    assertThat(json.readTree(get(agent, "/api/organizations/" + siret + "/members").getBody()))
        .extracting(n -> n.get("userId").asText()).containsExactlyInAnyOrder(partner, colleague);

    ResponseEntity<String> filed = post(colleague, filing(), body(siret, "Association Toit Partagé"));
    assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String reference = json.readTree(filed.getBody()).get("reference").asText();
    // both accounts of the organisation follow its dossier
    assertThat(get(partner, "/api/applications/" + reference).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(colleague, "/api/applications/" + reference).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anInstructeurStillRegistersAPostalDossierForAnyOrganisation() {
    String siret = Dossiers.siret();
    Application a = service.submit(call.getReference(), Dossiers.request(siret, Dossiers.email(), true, List.of("LENS_HENIN")),
        Dossiers.AGENT).application();
    assertThat(a.getState()).isEqualTo(ApplicationState.RECEIVED);
    assertThat(requests.findAll()).noneMatch(r -> r.getOrganizationId().equals(a.getOrganization().getId()));
  }

  // ---------------------------------------------------------------- helpers

  /** An organisation the service knows (a dossier of it came by post, on another call), with no partner account. */
  private String knownOrganization() {
    String siret = Dossiers.siret();
    CallForProjects other = new Dossiers(catalog, reader, service).call(false);
    service.submit(other.getReference(), Dossiers.request(siret, Dossiers.email(), true, List.of("LENS_HENIN")), Dossiers.AGENT);
    return siret;
  }

  private ProcessInstance membershipProcess(String siret) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MembershipProcess.KEY)
        .variableValueEquals("siret", siret).singleResult();
  }

  /** As Tasklist does: the agent claims the task, then submits the form, through the engine's REST API with the agent's rights. */
  private void completeAsTasklist(String user, ProcessInstance pi, Map<String, String> form) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(post(user, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user)).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    Map<String, Object> variables = new LinkedHashMap<>();
    form.forEach((k, v) -> variables.put(k, Map.of("value", v, "type", "String")));
    ResponseEntity<String> submitted = post(user, "/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", variables));
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private List<JsonNode> engineTasks(String user, String processInstanceId) throws Exception {
    JsonNode list = json.readTree(get(user, "/engine-rest/task?processInstanceId=" + processInstanceId).getBody());
    List<JsonNode> result = new java.util.ArrayList<>();
    list.forEach(result::add);
    return result;
  }

  private Notification decisionMail(ProcessInstance pi) {
    Object id = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("notificationId").singleResult().getValue();
    return notifications.findById(((Number) id).longValue()).orElseThrow();
  }

  private String filing() {
    return "/api/calls/" + call.getReference() + "/applications";
  }

  private Map<String, Object> body(String siret, String name) {
    Map<String, Object> org = new LinkedHashMap<>(Map.of("siret", siret, "name", name,
        "legalForm", "Association loi 1901", "holderType", Dossiers.HOLDER_TYPE, "approvals", List.of(Dossiers.AGREMENT),
        "street", "3 rue Victor Hugo", "postalCode", "62300", "city", "Lens", "email", Dossiers.email(),
        "legalRepresentative", "Nadine Carpentier"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("organization", org);
    body.put("lotCode", "UNIQUE");
    body.put("territories", List.of("LENS_HENIN", "CALL"));
    body.put("requestedAmount", "42000.00");
    body.put("requestedUnits", 20);
    body.put("summary", "Accompagnement de 20 ménages en précarité énergétique.");
    return body;
  }

  private List<String> references(ResponseEntity<String> list) throws Exception {
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> refs = new java.util.ArrayList<>();
    json.readTree(list.getBody()).forEach(n -> refs.add(n.get("reference").asText()));
    return refs;
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

  private ResponseEntity<String> delete(String user, String path) {
    return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.DELETE, new HttpEntity<>(jsonHeaders()), String.class);
  }
}
