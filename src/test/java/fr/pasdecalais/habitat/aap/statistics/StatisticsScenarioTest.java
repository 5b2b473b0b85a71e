package fr.pasdecalais.habitat.aap.statistics;

import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pasdecalais.habitat.aap.agreement.AgreementScenarios;
import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.application.DocumentService;
import fr.pasdecalais.habitat.aap.application.Dossiers;
import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
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
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The statistics of a call driven through its processes on known dates (the engine's clock): three
 * dossiers filed on 10, 11 and 12 April 2023 — one granted, signed, paid its advance and its balance;
 * one asked for a piece once, then found ineligible; one refused by the deliberation — read back
 * through {@code GET /api/statistics} as a supervisor: counts, amounts to the cent, medians and 90th
 * percentiles in days.
 */
@SpringScenarioTest
class StatisticsScenarioTest {

  private static final String PASSWORD = "Essai-Statistiques-2026!";

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired CallDefinitionReader reader;
  @Autowired CallLifecycle lifecycle;
  @Autowired ApplicationService service;
  @Autowired DocumentService documents;
  @Autowired IdentitySetup identity;
  /** Amounts read as written (42000.00, not 42000.0): the scale is part of what is checked. */
  private final ObjectMapper exact = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
  @Autowired ObjectMapper json;
  @Autowired AgreementScenarios agreements;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void setUp() {
    ProcessTestSupport.init(engine);
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @Test
  void aSupervisorReadsTheCountsAmountsAndProcessingTimesOfACallDrivenOnKnownDates() throws Exception {
    String ref = "AAP-STATS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
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
    Application a = file(ref, "ARTOIS");
    clock("2023-04-11T10:00:00");
    Application b = file(ref, "ARTOIS");
    clock("2023-04-12T10:00:00");
    Application c = file(ref, "TERNOIS");

    clock("2023-04-12T15:00:00");
    complete(a.getReference(), ApplicationProcess.TASK_CHECK_COMPLETENESS, Map.of("complete", "true")); // 2 days
    clock("2023-04-14T10:00:00");
    complete(b.getReference(), ApplicationProcess.TASK_CHECK_COMPLETENESS, Map.of("complete", "false",
        "missingPieces", SpinValues.jsonValue("[\"BUDGET\"]").create(), "missingReason", "MISSING",
        "completenessComment", "Budget absent du dossier reçu."));
    clock("2023-04-20T10:00:00");
    complete(a.getReference(), ApplicationProcess.TASK_CHECK_ELIGIBILITY, Map.of("eligible", "true")); // 10 days
    documents.upload(b.getReference(), "BUDGET", "budget-2023.pdf", pdf(), Dossiers.AGENT);
    executeDueJobs(engine);
    clock("2023-04-21T10:00:00");
    complete(b.getReference(), ApplicationProcess.TASK_CHECK_COMPLETENESS, Map.of("complete", "true")); // 10 days
    clock("2023-04-25T10:00:00");
    complete(b.getReference(), ApplicationProcess.TASK_CHECK_ELIGIBILITY, Map.of("eligible", "false",
        "eligibilityReason", "Le projet ne vise pas des propriétaires occupants.")); // 14 days
    clock("2023-04-28T10:00:00");
    complete(c.getReference(), ApplicationProcess.TASK_CHECK_COMPLETENESS, Map.of("complete", "true")); // 16 days
    clock("2023-05-02T10:00:00");
    complete(c.getReference(), ApplicationProcess.TASK_CHECK_ELIGIBILITY, Map.of("eligible", "true")); // 20 days

    clock("2023-06-01T00:00:00");
    executeDueJobs(engine);
    clock("2023-06-02T10:00:00");
    complete(ref, CallProcess.TASK_ORGANISE_JURY, Map.of(
        CallProcess.VAR_JURY_SESSION_DATE, "2023-06-12T09:30:00+02:00",
        ProcessContract.VAR_OPINION_DEADLINE, "2023-06-30",
        ProcessContract.VAR_JURY_MEMBERS, Spin.JSON("[\"" + juryA + "\",\"" + juryB + "\"]")));
    clock("2023-06-12T11:00:00");
    for (Application d : List.of(a, c)) {
      opinion(d, juryA);
      opinion(d, juryB);
    }
    clock("2023-06-20T10:00:00");
    ProcessInstance callPi = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallProcess.KEY)
        .processInstanceBusinessKey(ref).singleResult();
    ArrayNode proposals = (ArrayNode) json.readTree(engine.getRuntimeService()
        .getVariableTyped(ProcessTestSupport.current(engine, callPi).getId(), CallProcess.VAR_PROPOSALS).getValue().toString());
    for (JsonNode p : proposals) {
      if (p.path("applicationReference").asText().equals(a.getReference())) {
        ((ObjectNode) p).put("granted", true).put("proposedAmount", new BigDecimal("33600.00")).put("proposedUnits", 16);
      } else {
        ((ObjectNode) p).put("granted", false).put("reason", "Enveloppe épuisée.");
      }
    }
    complete(ref, CallProcess.TASK_SYNTHESIS, Map.of(CallProcess.VAR_PROPOSALS, Spin.JSON(proposals.toString())));
    complete(ref, CallProcess.TASK_PREPARE_REPORT, Map.of("assemblySessionDate", "2023-07-03", "reportSent", true));
    clock("2023-07-04T10:00:00");
    Map<String, Object> deliberation = new HashMap<>(Map.of("deliberationNumber", "2099-" + System.nanoTime() % 100000,
        "deliberationDate", "2023-07-03", "votesFor", 43, "votesAgainst", 0, "votesAbstention", 0, "votesAbsent", 1));
    deliberation.put(CallProcess.VAR_DELIBERATION_ADOPTED, "true");
    tasks.claim(task(ref, CallProcess.TASK_RECORD_DELIBERATION).getId(), "isabelle.moreau");
    tasks.complete(task(ref, CallProcess.TASK_RECORD_DELIBERATION).getId(), deliberation);
    executeDueJobs(engine); // decision of A (85 days) and C (83 days)

    ProcessInstance agreement = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(GrantAgreementProcess.KEY).processInstanceBusinessKey(a.getReference()).singleResult();
    clock("2023-10-02T10:00:00");
    agreements.prepare(agreement, "33600", "16 mesures de 12 mois", "2023-07-03");
    clock("2023-10-25T10:00:00");
    agreements.sign(agreement, "2023-10-20", "2023-10-24"); // 197 days
    clock("2023-10-26T10:00:00");
    agreements.mandate(agreement, "Task_ValidateAdvanceMandate", "2023-10-26", "M-2023-0991"); // 199 days: 26 880,00
    clock("2024-12-16T10:00:00");
    agreements.finalReport(agreement, "2024-12-15", true);
    // 191 measure-months × 175 = 33 425,00 due: balance 33 425,00 − 26 880,00 = 6 545,00
    agreements.serviceRendered(agreement, Map.of("MESURE_MOIS", 191, "DIAGNOSTIC", 0), "2024-12-16");
    clock("2024-12-18T10:00:00");
    agreements.mandate(agreement, "Task_ValidateBalanceMandate", "2024-12-18", "M-2024-0992"); // 618 days

    String supervisor = "superviseur.stats." + UUID.randomUUID().toString().substring(0, 6);
    identity.ensureUser(supervisor, "Claire", "Statistique", PASSWORD, Groups.SUPERVISEURS);
    ResponseEntity<String> response = rest.withBasicAuth(supervisor, PASSWORD)
        .getForEntity("/api/statistics?call=" + ref, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode stats = exact.readTree(response.getBody());
    JsonNode all = stats.get("overall");
    assertThat(stats.get("calls")).hasSize(1);
    assertThat(stats.get("calls").get(0).get("figures")).isEqualTo(all);
    assertThat(stats.get("calls").get(0).get("funderKind").asText()).isEqualTo("DEPARTEMENT");

    assertThat(all.get("dossiers").asInt()).isEqualTo(3);
    assertThat(states(all)).containsExactly("INELIGIBLE 1 42000.00 0.00", "GRANTED 1 42000.00 33600.00",
        "REFUSED 1 42000.00 0.00");
    assertThat(all.at("/amounts/granted").decimalValue()).isEqualByComparingTo("33600.00");
    assertThat(all.at("/amounts/paid").decimalValue()).isEqualByComparingTo("33425.00");
    assertThat(all.at("/amounts/recovered").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(rows(all.get("byTerritory"))).containsExactly("ARTOIS 2 1 33600.00 33425.00", "TERNOIS 1 0 0.00 0.00");
    assertThat(rows(all.get("byLot"))).containsExactly(ref + "/UNIQUE 3 1 33600.00 33425.00");
    assertThat(rows(all.get("byHolderType"))).singleElement().asString().endsWith(" 3 1 33600.00 33425.00");
    assertThat(all.get("byFunder")).singleElement().satisfies(f -> assertThat(f.get("key").asText()).startsWith("DEPARTEMENT:"));

    assertThat(times(all)).containsExactly(
        "COMPLETENESS 3 10.0 14.8",  // 2, 10, 16 days
        "ELIGIBILITY 3 14.0 18.8",   // 10, 14, 20
        "DECISION 2 84.0 84.8",      // 83, 85
        "SIGNATURE 1 197.0 197.0",
        "ADVANCE 1 199.0 199.0",
        "BALANCE 1 618.0 618.0");
    JsonNode completeness = all.get("processingTimes").get(0).get("histogram");
    assertThat(completeness.get(0).get("dossiers").asInt()).isEqualTo(1); // 0 to 7 days: A
    assertThat(completeness.get(1).get("dossiers").asInt()).isEqualTo(1); // 8 to 15: B
    assertThat(completeness.get(2).get("dossiers").asInt()).isEqualTo(1); // 16 to 30: C

    assertThat(all.at("/reports/expected").asInt()).isEqualTo(1);
    assertThat(all.at("/reports/late").asInt()).isZero();
    assertThat(all.at("/regularisations/dossiers").asInt()).isEqualTo(1);
    assertThat(all.at("/regularisations/rounds").asInt()).isEqualTo(1);
    assertThat(all.at("/regularisations/average").decimalValue()).isEqualByComparingTo("0.33");
    assertThat(all.at("/regularisations/distribution").toString()).isEqualTo("[{\"rounds\":0,\"dossiers\":2},{\"rounds\":1,\"dossiers\":1}]");

    // filters: the territory keeps C only; another year keeps nothing; the State's calls do not hold this one
    JsonNode ternois = exact.readTree(rest.withBasicAuth(supervisor, PASSWORD)
        .getForObject("/api/statistics?call=" + ref + "&territory=TERNOIS", String.class)).get("overall");
    assertThat(ternois.get("dossiers").asInt()).isEqualTo(1);
    assertThat(states(ternois)).containsExactly("REFUSED 1 42000.00 0.00");
    JsonNode otherYear = json.readTree(rest.withBasicAuth(supervisor, PASSWORD)
        .getForObject("/api/statistics?call=" + ref + "&year=2024", String.class)).get("overall");
    assertThat(otherYear.get("dossiers").asInt()).isZero();
    JsonNode state = json.readTree(rest.withBasicAuth(supervisor, PASSWORD)
        .getForObject("/api/statistics?call=" + ref + "&funder=ETAT", String.class)).get("overall");
    assertThat(state.get("dossiers").asInt()).isZero();
  }

  @Test
  void aWrongFilterIsAFrenchProblemAndAPartnerIsRefused() throws Exception {
    String supervisor = "superviseur.filtre." + UUID.randomUUID().toString().substring(0, 6);
    identity.ensureUser(supervisor, "Claire", "Filtre", PASSWORD, Groups.SUPERVISEURS);
    ResponseEntity<String> wrong = rest.withBasicAuth(supervisor, PASSWORD)
        .getForEntity("/api/statistics?funder=COMMUNE", String.class);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrong.getBody()).contains("Financeur inconnu");
    ResponseEntity<String> unknownCall = rest.withBasicAuth(supervisor, PASSWORD)
        .getForEntity("/api/statistics?call=AAP-INCONNU-STATS", String.class);
    assertThat(unknownCall.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    String partner = "porteur.stats." + UUID.randomUUID().toString().substring(0, 6);
    identity.ensureUser(partner, "Paul", "Porteur", PASSWORD, Groups.PORTEURS);
    assertThat(rest.withBasicAuth(partner, PASSWORD).getForEntity("/api/statistics", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private Application file(String call, String territory) {
    Application d = service.submit(call, Dossiers.request(Dossiers.siret(), Dossiers.email(), true, List.of(territory)),
        Dossiers.AGENT).application();
    executeDueJobs(engine);
    return d;
  }

  private static List<String> states(JsonNode figures) {
    List<String> rows = new java.util.ArrayList<>();
    figures.get("dossiersByState").forEach(s -> rows.add(s.get("state").asText() + " " + s.get("dossiers").asInt() + " "
        + s.get("requested").decimalValue().toPlainString() + " " + s.get("granted").decimalValue().toPlainString()));
    return rows;
  }

  private static List<String> rows(JsonNode breakdown) {
    List<String> rows = new java.util.ArrayList<>();
    breakdown.forEach(s -> rows.add(s.get("key").asText() + " " + s.get("dossiers").asInt() + " " + s.get("conventions").asInt()
        + " " + s.get("granted").decimalValue().toPlainString() + " " + s.get("paid").decimalValue().toPlainString()));
    return rows;
  }

  private static List<String> times(JsonNode figures) {
    List<String> rows = new java.util.ArrayList<>();
    figures.get("processingTimes").forEach(t -> rows.add(t.get("step").asText() + " " + t.get("dossiers").asInt() + " "
        + t.get("medianDays").decimalValue().toPlainString() + " " + t.get("p90Days").decimalValue().toPlainString()));
    return rows;
  }

  private void opinion(Application a, String member) {
    Task conflict = tasks.createTaskQuery().processInstanceBusinessKey(a.getReference()).taskAssignee(member)
        .taskDefinitionKey("Task_DeclareConflict").singleResult();
    tasks.complete(conflict.getId(), Map.of("conflictOfInterest", false));
    Task opinion = tasks.createTaskQuery().processInstanceBusinessKey(a.getReference()).taskAssignee(member)
        .taskDefinitionKey("Task_GiveOpinion").singleResult();
    Map<String, Object> vars = new HashMap<>(Map.of("score1", 4, "score2", 4, "score3", 3, "score4", 3));
    vars.put("avis", "FAVORABLE");
    vars.put("opinionComment", "Projet solide.");
    tasks.complete(opinion.getId(), vars);
    executeDueJobs(engine);
  }

  private Task task(String businessKey, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    return task;
  }

  private void complete(String businessKey, String taskKey, Map<String, Object> variables) {
    Task task = task(businessKey, taskKey);
    tasks.claim(task.getId(), "camille.martin");
    tasks.complete(task.getId(), variables);
    executeDueJobs(engine);
  }

  private static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  }
}
