package fr.pasdecalais.habitat.aap.application;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.CALL_JURY_OPINION;
import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.END_GRANTED;
import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.TASK_CHECK_COMPLETENESS;
import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.TASK_CHECK_ELIGIBILITY;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pasdecalais.habitat.aap.agreement.AgreementScenarios;
import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallLifecycle;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A dossier's timeline, as its page shows it, from the filing to the close of its convention:
 * what the dossier's steps wrote, then the convention's facts read through the agreement,
 * payment and reporting capabilities (signature, each payment, the final report, service fait, the
 * balance, closure), in French, in order, the decision written once.
 */
@SpringScenarioTest
class DossierTimelineScenarioTest {

  private static final String PASSWORD = "Essai-Chronologie-2026!";

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired CallDefinitionReader reader;
  @Autowired CallLifecycle lifecycle;
  @Autowired ApplicationService service;
  @Autowired ApplicationReading reading;
  @Autowired ApplicationRepository applications;
  @Autowired OrganizationMemberships memberships;
  @Autowired IdentitySetup identity;
  @Autowired ObjectMapper json;
  @Autowired AgreementScenarios agreements;
  @Autowired TestRestTemplate rest;

  private JsonNode agreementView;

  @BeforeEach
  void setUp() {
    ProcessTestSupport.init(engine);
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @Test
  void aGrantedDossiersTimelineRunsFromItsFilingToTheCloseOfItsConventionAndItsPartnerReadsIt() throws Exception {
    String ref = "AAP-FRISE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    clock("2023-03-20T09:00:00");
    CallForProjects call = lifecycle.create(reader.read(ref + ".yaml",
        new ByteArrayInputStream(Dossiers.astreYaml(ref).getBytes(StandardCharsets.UTF_8))), true);
    String juryA = call.getJury().get(0).getUserId();
    String juryB = call.getJury().get(1).getUserId();
    identity.ensureUser(juryA, "Sophie", "Dubois", "demo", Groups.JURY);
    identity.ensureUser(juryB, "Thomas", "Leroy", "demo", Groups.JURY);
    executeDueJobs(engine);

    clock("2023-04-10T10:00:00");
    executeDueJobs(engine);
    String siret = Dossiers.siret();
    Application a = service.submit(ref, Dossiers.request(siret, Dossiers.email(), true, List.of("ARTOIS")), Dossiers.AGENT)
        .application();
    String partner = "porteur.frise." + UUID.randomUUID().toString().substring(0, 6);
    identity.ensureUser(partner, "Paul", "Porteur", PASSWORD, Groups.PORTEURS);
    memberships.grant(siret, partner, Dossiers.AGENT.userId());

    complete(a.getReference(), TASK_CHECK_COMPLETENESS, "camille.martin", Map.of("complete", "true"));
    complete(a.getReference(), TASK_CHECK_ELIGIBILITY, "camille.martin", Map.of("eligible", "true"));
    clock("2023-06-01T00:00:00");
    executeDueJobs(engine);
    clock("2023-06-02T10:00:00");
    complete(ref, CallProcess.TASK_ORGANISE_JURY, "camille.martin", Map.of(
        CallProcess.VAR_JURY_SESSION_DATE, "2023-06-12T09:30:00+02:00",
        ProcessContract.VAR_OPINION_DEADLINE, "2023-06-30",
        ProcessContract.VAR_JURY_MEMBERS, Spin.JSON("[\"" + juryA + "\",\"" + juryB + "\"]")));
    ProcessInstance dossier = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(applications.findByReference(a.getReference()).orElseThrow().getProcessInstanceId()).singleResult();
    assertThat(dossier).isWaitingAt(CALL_JURY_OPINION);
    clock("2023-06-12T11:00:00");
    opinion(a, juryA, 5, 4, 3, 2);
    opinion(a, juryB, 4, 4, 4, 4);

    clock("2023-06-20T10:00:00");
    ProcessInstance callPi = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallProcess.KEY)
        .processInstanceBusinessKey(ref).singleResult();
    ArrayNode proposals = (ArrayNode) json.readTree(engine.getRuntimeService()
        .getVariableTyped(ProcessTestSupport.current(engine, callPi).getId(), CallProcess.VAR_PROPOSALS).getValue().toString());
    ((ObjectNode) proposals.get(0)).put("granted", true).put("proposedAmount", new BigDecimal("33600.00")).put("proposedUnits", 16);
    complete(ref, CallProcess.TASK_SYNTHESIS, "camille.martin", Map.of(CallProcess.VAR_PROPOSALS, Spin.JSON(proposals.toString())));
    complete(ref, CallProcess.TASK_PREPARE_REPORT, "camille.martin", Map.of("assemblySessionDate", "2023-07-03", "reportSent", true));
    clock("2023-07-04T10:00:00");
    Map<String, Object> deliberation = new HashMap<>(Map.of("deliberationNumber", "2098-" + System.nanoTime() % 100000,
        "deliberationDate", "2023-07-03", "votesFor", 43, "votesAgainst", 0, "votesAbstention", 0, "votesAbsent", 1));
    deliberation.put(CallProcess.VAR_DELIBERATION_ADOPTED, "true");
    complete(ref, CallProcess.TASK_RECORD_DELIBERATION, "isabelle.moreau", deliberation);

    ProcessInstance agreement = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(GrantAgreementProcess.KEY).processInstanceBusinessKey(a.getReference()).singleResult();
    clock("2023-10-02T10:00:00");
    agreements.prepare(agreement, "33600", "16 mesures de 12 mois", "2023-07-03");
    clock("2023-10-25T10:00:00");
    agreements.sign(agreement, "2023-10-20", "2023-10-24");
    clock("2023-10-26T10:00:00");
    agreements.mandate(agreement, "Task_ValidateAdvanceMandate", "2023-10-26", "M-2023-0777");

    // the partner account of the organisation reads its convention while it runs: the final report is expected
    TestRestTemplate asPartner = rest.withBasicAuth(partner, PASSWORD);
    JsonNode running = json.readTree(asPartner.getForObject("/api/applications/" + a.getReference(), String.class));
    assertThat(descriptions(running)).last().asString().isEqualTo("Bilan final attendu le 30/04/2025.");

    clock("2024-12-16T10:00:00");
    agreements.finalReport(agreement, "2024-12-15", true);
    // 16 measures conventioned, 191 measure-months rendered: 191 × 175 = 33 425,00 due, 33 425,00 − 26 880,00 = 6 545,00
    agreements.serviceRendered(agreement, Map.of("MESURE_MOIS", 191, "DIAGNOSTIC", 0), "2024-12-16");
    clock("2024-12-18T10:00:00");
    agreements.mandate(agreement, "Task_ValidateBalanceMandate", "2024-12-18", "M-2024-0888");
    assertThat(dossier).isEnded().hasPassed(END_GRANTED);

    JsonNode view = json.readTree(asPartner.getForObject("/api/applications/" + a.getReference(), String.class));
    List<String> types = new java.util.ArrayList<>();
    view.get("timeline").forEach(e -> types.add(e.get("type").asText()));
    assertThat(types).containsExactly("DEPOT", "COMPLETUDE", "ELIGIBILITE", "JURY", "AVIS", "AVIS", "AVIS_COMPLETS", "DECISION",
        "CONVENTION", "SIGNATURE", "PAIEMENT_ORDONNANCE", "PAIEMENT_VERSE", "BILAN_RECU", "SERVICE_FAIT",
        "PAIEMENT_ORDONNANCE", "PAIEMENT_VERSE", "CLOTURE");
    List<String> lines = descriptions(view);
    agreementView = json.readTree(asPartner.getForObject("/api/applications/" + a.getReference() + "/agreement", String.class));
    String number = "CONV-" + a.getReference();
    assertThat(lines.get(7)).startsWith("Subvention accordée : 33 600,00 € (16 unités)").doesNotContain("Subvention accordée : Subvention");
    assertThat(lines.subList(8, lines.size())).containsExactly(
        "Convention " + number + " préparée : 33 600,00 €, du 01/11/2023 au 31/10/2024.",
        "Convention " + number + " signée par l'organisme le 20/10/2023 et par le Président du Conseil départemental du "
            + "Pas-de-Calais le 24/10/2023.",
        "Ordre de paiement n° " + order(view, 0) + " émis : avance de 26 880,00 €.",
        "Paiement effectué le 26/10/2023 : avance de 26 880,00 € (mandat n° M-2023-0777).",
        "Bilan final reçu le 15/12/2024 (attendu le 30/04/2025) : approuvé.",
        "Service fait constaté le 16/12/2024 : montant dû 33 425,00 €.",
        "Ordre de paiement n° " + order(view, 1) + " émis : solde de 6 545,00 €.",
        "Paiement effectué le 18/12/2024 : solde de 6 545,00 € (mandat n° M-2024-0888).",
        "Convention " + number + " close le 18/12/2024.");
    // the partner sees no jury score, on the dossier nor on its convention
    assertThat(view.path("opinions").isMissingNode() || view.path("opinions").isNull()).isTrue();
    assertThat(view.path("weightedScore").isMissingNode() || view.path("weightedScore").isNull()).isTrue();
    ResponseEntity<String> convention = asPartner.getForEntity("/api/applications/" + a.getReference() + "/agreement", String.class);
    assertThat(convention.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(convention.getBody()).doesNotContain("score").doesNotContain("avis");
  }

  @Test
  void aConventionThatEndsWithATitreDeRecetteShowsItOnTheDossiersTimelineBeforeItsClosure() {
    clock("2023-05-10T10:00:00");
    String call = agreements.call("astre");
    Application a = agreements.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("42000.00"),
        java.time.Instant.parse("2023-05-10T08:00:00Z"));
    clock("2023-10-02T10:00:00");
    ProcessInstance pi = agreements.start(a);
    agreements.prepare(pi, "42000", "20 mesures d'accompagnement de 12 mois", "2023-10-02");
    clock("2023-10-25T10:00:00");
    agreements.sign(pi, "2023-10-20", "2023-10-24");
    agreements.mandate(pi, "Task_ValidateAdvanceMandate", "2023-10-25", "M-2023-7702");
    clock("2024-12-16T10:00:00");
    agreements.finalReport(pi, "2024-12-15", true);
    // 187 measure-months: 187 × 175 = 32 725,00 due < 33 600,00 paid → titre de recette of 875,00
    agreements.serviceRendered(pi, Map.of("MESURE_MOIS", 187, "DIAGNOSTIC", 0), "2024-12-16");

    List<ApplicationReading.EventView> timeline = reading.view(a.getReference(), Dossiers.AGENT).timeline();
    assertThat(timeline.get(0).type()).isEqualTo("DEPOT");
    List<String> lines = timeline.stream().map(ApplicationReading.EventView::description).toList();
    String number = "CONV-" + a.getReference();
    String titre = timeline.stream().filter(e -> e.type().equals("TITRE_EMIS")).findFirst().orElseThrow().description();
    assertThat(titre).matches("Titre de recette n° TR-.+ émis : 875,00 € à reverser\\.");
    assertThat(lines.subList(lines.size() - 4, lines.size())).containsExactly(
        "Bilan final reçu le 15/12/2024 (attendu le 30/04/2025) : approuvé.",
        "Service fait constaté le 16/12/2024 : montant dû 32 725,00 €.",
        titre,
        "Convention " + number + " close le 16/12/2024.");
    assertThat(timeline).filteredOn(e -> e.type().equals("PAIEMENT_VERSE")).extracting(ApplicationReading.EventView::on)
        .containsExactly(java.time.LocalDate.of(2023, 10, 25));
  }

  /** The number of the n-th payment order of the dossier's convention, as its agreement view gives it. */
  private String order(JsonNode view, int n) {
    return agreementView.get("payments").get(n).get("orderNumber").asText();
  }

  private static List<String> descriptions(JsonNode view) {
    List<String> lines = new java.util.ArrayList<>();
    view.get("timeline").forEach(e -> lines.add(e.get("description").asText()));
    return lines;
  }

  private void opinion(Application a, String member, int... scores) {
    Task conflict = tasks.createTaskQuery().processInstanceBusinessKey(a.getReference()).taskAssignee(member)
        .taskDefinitionKey("Task_DeclareConflict").singleResult();
    tasks.complete(conflict.getId(), Map.of("conflictOfInterest", false));
    Task opinion = tasks.createTaskQuery().processInstanceBusinessKey(a.getReference()).taskAssignee(member)
        .taskDefinitionKey("Task_GiveOpinion").singleResult();
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < scores.length; i++) {
      vars.put("score" + (i + 1), scores[i]);
    }
    vars.put("avis", "FAVORABLE");
    vars.put("opinionComment", "Projet solide.");
    tasks.complete(opinion.getId(), vars);
    executeDueJobs(engine);
  }

  private void complete(String businessKey, String taskKey, String user, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    tasks.claim(task.getId(), user);
    tasks.complete(task.getId(), variables);
    executeDueJobs(engine);
  }
}
