package fr.pasdecalais.habitat.aap.application;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.TASK_CHECK_COMPLETENESS;
import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.TASK_CHECK_ELIGIBILITY;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What one lifecycle of the benchmark leaves in the engine: the ASTRE call, one dossier complete and
 * eligible, a jury of three (conflict declaration and opinion each), synthesis, report, deliberation,
 * the convention, the advance, the final report, service fait, the balance and the call's final review
 * (as {@code bench/ProductLifecycle} drives it). It counts the variables (per process and name), the
 * times they were set ({@code ACT_HI_DETAIL}) and the asynchronous continuations (jobs created, per
 * activity), prints the table, and holds the totals under the ceilings of the variable diet (issue 17):
 * a new variable or job per lifecycle is a deliberate choice, raised here with its reason.
 */
@SpringScenarioTest
class LifecycleFootprintTest {

  /**
   * Ceilings of one lifecycle: 228 variables and 37 jobs measured after the diet (289 and 39 before); 359
   * variable writes before, 259 after (history full everywhere); with the journal kept only for the
   * processes of {@code config.AuditHistory#DETAILED}, the lifecycle writes 99 {@code ACT_HI_DETAIL} rows.
   * 40 jobs since each juror's ended opinion leaves a job in the dossier (three jurors here): without it
   * the jurors' recordings conflicted on the dossier's multi-instance counter and the loser waited the
   * retry cycle (JurorsAtTheSameInstantScenarioTest).
   */
  static final int MAX_VARIABLES = 235;
  static final int MAX_VARIABLE_SETS = 270;
  static final int MAX_JOBS = 40;

  static final String[] JURORS = {"footprint-jure-1", "footprint-jure-2", "footprint-jure-3"};

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired CallDefinitionReader reader;
  @Autowired CallLifecycle lifecycle;
  @Autowired ApplicationService service;
  @Autowired ApplicationRepository applications;
  @Autowired IdentitySetup identity;
  @Autowired ObjectMapper json;
  @Autowired AgreementScenarios agreements;

  @BeforeEach
  void setUp() {
    ProcessTestSupport.init(engine);
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @Test
  void oneLifecycleOfTheBenchmarkStaysWithinItsVariablesAndJobs() throws Exception {
    String ref = "AAP-FOOT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    clock("2023-03-20T09:00:00");
    String yaml = new String(getClass().getResourceAsStream("/calls/aap-2023-astre.yaml").readAllBytes(), StandardCharsets.UTF_8)
        .replace("reference: AAP-2023-ASTRE", "reference: " + ref)
        .replace("  - { userId: sophie.dubois, fullName: Sophie Dubois, body: Département du Pas-de-Calais }\n"
            + "  - { userId: thomas.leroy, fullName: Thomas Leroy, body: Communauté d'agglomération de Lens-Liévin (CALL) }\n",
            "  - { userId: " + JURORS[0] + ", fullName: Juré Un, body: Département du Pas-de-Calais }\n"
            + "  - { userId: " + JURORS[1] + ", fullName: Juré Deux, body: Communauté d'agglomération de Lens-Liévin (CALL) }\n"
            + "  - { userId: " + JURORS[2] + ", fullName: Juré Trois, body: Communauté d'agglomération de l'Artois }\n");
    assertThat(yaml).as("jury du modèle ASTRE remplacé").contains(JURORS[2]);
    CallForProjects call = lifecycle.create(reader.read(ref + ".yaml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))), true);
    for (int i = 0; i < JURORS.length; i++) {
      identity.ensureUser(JURORS[i], "Juré " + (i + 1), "Empreinte", "demo", Groups.JURY);
    }
    executeDueJobs(engine);
    ProcessInstance callPi = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CallProcess.KEY).processInstanceBusinessKey(ref).singleResult();

    clock("2023-04-10T10:00:00");
    executeDueJobs(engine);
    Application a = service.submit(ref, Dossiers.request(Dossiers.siret(), Dossiers.email(), true, List.of("LENS_HENIN")),
        Dossiers.AGENT).application();
    String app = a.getReference();
    complete(app, TASK_CHECK_COMPLETENESS, "camille.martin", Map.of("complete", "true"));
    complete(app, TASK_CHECK_ELIGIBILITY, "camille.martin", Map.of("eligible", "true"));

    clock("2023-06-01T00:00:00");
    executeDueJobs(engine);
    complete(ref, CallProcess.TASK_ORGANISE_JURY, "camille.martin", Map.of(
        CallProcess.VAR_JURY_SESSION_DATE, "2023-06-12T09:30:00+02:00",
        ProcessContract.VAR_OPINION_DEADLINE, "2023-06-30",
        ProcessContract.VAR_JURY_MEMBERS, Spin.JSON("[\"" + String.join("\",\"", JURORS) + "\"]")));
    for (String juror : JURORS) {
      Task conflict = tasks.createTaskQuery().processInstanceBusinessKey(app).taskAssignee(juror)
          .taskDefinitionKey("Task_DeclareConflict").singleResult();
      tasks.complete(conflict.getId(), Map.of("conflictOfInterest", false));
      Task opinion = tasks.createTaskQuery().processInstanceBusinessKey(app).taskAssignee(juror)
          .taskDefinitionKey("Task_GiveOpinion").singleResult();
      tasks.complete(opinion.getId(), Map.of("score1", 4, "score2", 4, "score3", 3, "score4", 4, "avis", "FAVORABLE",
          "opinionComment", "Projet solide, partenariats établis."));
      executeDueJobs(engine);
    }

    ArrayNode proposals = (ArrayNode) json.readTree(engine.getRuntimeService()
        .getVariableTyped(ProcessTestSupport.current(engine, callPi).getId(), CallProcess.VAR_PROPOSALS).getValue().toString());
    ((ObjectNode) proposals.get(0)).put("granted", true).put("proposedAmount", new BigDecimal("33600.00")).put("proposedUnits", 16);
    complete(ref, CallProcess.TASK_SYNTHESIS, "camille.martin", Map.of(CallProcess.VAR_PROPOSALS, Spin.JSON(proposals.toString())));
    complete(ref, CallProcess.TASK_PREPARE_REPORT, "camille.martin", Map.of("assemblySessionDate", "2023-07-03", "reportSent", true));
    Map<String, Object> deliberation = new HashMap<>(Map.of("deliberationNumber", "2098-" + System.nanoTime() % 100000,
        "deliberationDate", "2023-07-03", "votesFor", 43, "votesAgainst", 0, "votesAbstention", 0, "votesAbsent", 1));
    deliberation.put(CallProcess.VAR_DELIBERATION_ADOPTED, "true");
    complete(ref, CallProcess.TASK_RECORD_DELIBERATION, "isabelle.moreau", deliberation);

    ProcessInstance agreement = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(GrantAgreementProcess.KEY).processInstanceBusinessKey(app).singleResult();
    clock("2023-10-25T10:00:00");
    agreements.prepare(agreement, "33600", "16 mesures de 12 mois", "2023-07-03");
    agreements.sign(agreement, "2023-10-20", "2023-10-24");
    agreements.mandate(agreement, GrantAgreementProcess.TASK_VALIDATE_ADVANCE, "2023-10-25", "M-2023-0203");
    clock("2024-12-16T10:00:00");
    agreements.finalReport(agreement, "2024-12-15", true);
    agreements.serviceRendered(agreement, Map.of("MESURE_MOIS", 192, "DIAGNOSTIC", 0), "2024-12-16");
    agreements.mandate(agreement, GrantAgreementProcess.TASK_VALIDATE_BALANCE, "2024-12-16", "M-2024-0202");
    complete(ref, CallProcess.TASK_FINAL_REVIEW, "camille.martin",
        Map.of("reviewComment", "Appel soldé : un dossier conventionné, avance et solde versés."));

    // every instance of the lifecycle: the call's, its selection's, the dossier's and those it called
    List<HistoricProcessInstance> instances = new ArrayList<>();
    collect(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(ref, app).list(), instances);
    assertThat(instances).as("instances of the lifecycle").isNotEmpty().allMatch(h -> h.getEndTime() != null);
    assertThat(agreements.payments(agreements.agreementIdOf(app)).stream().map(p -> p.getAmount())
        .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("33600.00");

    Map<String, String> keyOf = new HashMap<>();
    instances.forEach(h -> keyOf.put(h.getId(), h.getProcessDefinitionKey()));
    String[] ids = keyOf.keySet().toArray(String[]::new);
    Map<String, Integer> variables = new TreeMap<>();
    Map<String, Integer> perProcess = new TreeMap<>();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids).list()) {
      variables.merge(keyOf.get(v.getProcessInstanceId()) + " " + v.getName(), 1, Integer::sum);
      perProcess.merge(keyOf.get(v.getProcessInstanceId()), 1, Integer::sum);
    }
    Map<String, Integer> sets = new TreeMap<>();
    Map<String, Integer> setsPerProcess = new TreeMap<>();
    int detailCount = 0;
    for (String id : ids) {
      for (HistoricDetail d : history.createHistoricDetailQuery().processInstanceId(id).variableUpdates().list()) {
        String name = ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName();
        sets.merge(keyOf.get(id) + " " + name, 1, Integer::sum);
        setsPerProcess.merge(keyOf.get(id), 1, Integer::sum);
        detailCount++;
      }
    }
    Map<String, Integer> jobs = new TreeMap<>();
    int jobCount = 0;
    for (String id : ids) {
      for (HistoricJobLog log : history.createHistoricJobLogQuery().processInstanceId(id).creationLog().list()) {
        jobs.merge(keyOf.get(id) + " " + log.getActivityId() + " " + log.getJobDefinitionConfiguration(), 1, Integer::sum);
        jobCount++;
      }
    }
    int variableCount = perProcess.values().stream().mapToInt(Integer::intValue).sum();

    StringBuilder table = new StringBuilder("\n== Empreinte d'un cycle de vie ==\nvariables (instances / lignes ACT_HI_DETAIL) par processus :\n");
    perProcess.forEach((k, n) -> table.append(String.format("  %-28s %4d / %4d%n", k, n, setsPerProcess.getOrDefault(k, 0))));
    table.append(String.format("  %-28s %4d / %4d%n", "TOTAL", variableCount, detailCount));
    table.append("variables par nom (instances / lignes ACT_HI_DETAIL) :\n");
    java.util.Set<String> names = new java.util.TreeSet<>(variables.keySet());
    names.addAll(sets.keySet());
    names.forEach(k -> table.append(String.format("  %-60s %3d / %3d%n", k, variables.getOrDefault(k, 0), sets.getOrDefault(k, 0))));
    table.append("jobs créés par activité :\n");
    jobs.forEach((k, n) -> table.append(String.format("  %-70s %3d%n", k, n)));
    table.append(String.format("  %-70s %3d%n", "TOTAL", jobCount));
    System.out.println(table);

    assertThat(variableCount).as("variables par cycle de vie").isLessThanOrEqualTo(MAX_VARIABLES);
    assertThat(detailCount).as("écritures de variables par cycle de vie").isLessThanOrEqualTo(MAX_VARIABLE_SETS);
    assertThat(jobCount).as("jobs par cycle de vie").isLessThanOrEqualTo(MAX_JOBS);
  }

  /** The instances and, recursively, the instances they called. */
  private void collect(List<HistoricProcessInstance> roots, List<HistoricProcessInstance> into) {
    for (HistoricProcessInstance h : roots) {
      into.add(h);
      collect(history.createHistoricProcessInstanceQuery().superProcessInstanceId(h.getId()).list(), into);
    }
  }

  private void complete(String businessKey, String taskKey, String user, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    tasks.claim(task.getId(), user);
    tasks.complete(task.getId(), variables);
    executeDueJobs(engine);
  }
}
