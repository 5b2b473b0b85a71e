package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
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
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallLifecycle;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import fr.pasdecalais.habitat.aap.support.TestMailServer;
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

/**
 * The call's process and the dossiers' processes together, through their messages only: lot
 * closing → a dossier waiting for pieces is rejected; jury convened → opinion tasks; last opinion →
 * the call's synthesis; deliberation → decision → granted → convention; last dossier ended → the call's
 * final review.
 */
@SpringScenarioTest
class CallAndApplicationEndToEndTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired CallCatalog catalog;
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
  void aCallAndItsDossiersFromPublicationToTheFinalReview() throws Exception {
    String ref = "AAP-E2E-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    clock("2023-03-20T09:00:00");
    CallForProjects call = lifecycle.create(reader.read(ref + ".yaml",
        new ByteArrayInputStream(Dossiers.astreYaml(ref).getBytes(StandardCharsets.UTF_8))), true);
    String juryA = call.getJury().get(0).getUserId();
    String juryB = call.getJury().get(1).getUserId();
    identity.ensureUser(juryA, "Sophie", "Dubois", "demo", Groups.JURY);
    identity.ensureUser(juryB, "Thomas", "Leroy", "demo", Groups.JURY);
    executeDueJobs(engine);
    ProcessInstance callPi = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallProcess.KEY)
        .processInstanceBusinessKey(ref).singleResult();

    clock("2023-04-10T10:00:00");
    executeDueJobs(engine);
    String granted = Dossiers.email();
    String incomplete = Dossiers.email();
    Application a1 = service.submit(ref, Dossiers.request(Dossiers.siret(), granted, true, List.of("ARTOIS")), Dossiers.AGENT).application();
    Application a2 = service.submit(ref, Dossiers.request(Dossiers.siret(), incomplete, true, List.of("CALL")), Dossiers.AGENT).application();
    ProcessInstance pi1 = process(a1);
    ProcessInstance pi2 = process(a2);

    complete(a1.getReference(), TASK_CHECK_COMPLETENESS, "camille.martin", Map.of("complete", "true"));
    complete(a1.getReference(), TASK_CHECK_ELIGIBILITY, "camille.martin", Map.of("eligible", "true"));
    complete(a2.getReference(), TASK_CHECK_COMPLETENESS, "julien.bernard", Map.of("complete", "false",
        "missingPieces", SpinValues.jsonValue("[\"LETTRE_CANDIDATURE\"]").create(), "missingReason", "INCORRECT"));
    assertThat(pi1).isWaitingAt(EVENT_JURY_CONVENED);

    // the lot closes: the call tells the dossier still waiting for pieces
    clock("2023-06-01T00:00:00");
    executeDueJobs(engine);
    assertThat(pi2).isEnded().hasPassed(END_NOT_RETAINED);
    assertThat(applications.findByReference(a2.getReference()).orElseThrow().getState()).isEqualTo(ApplicationState.REJECTED_INCOMPLETE);
    assertThat(TestMailServer.messagesTo(incomplete)).extracting(m -> m.getSubject())
        .contains("Dossier " + a2.getReference() + " : rejeté (dossier incomplet)");
    assertThat(ProcessTestSupport.selection(engine, callPi)).isWaitingAt(CallProcess.TASK_ORGANISE_JURY);

    complete(ref, CallProcess.TASK_ORGANISE_JURY, "camille.martin", Map.of(
        CallProcess.VAR_JURY_SESSION_DATE, "2023-06-12T09:30:00+02:00",
        ProcessContract.VAR_OPINION_DEADLINE, "2023-06-30",
        ProcessContract.VAR_JURY_MEMBERS, Spin.JSON("[\"" + juryA + "\",\"" + juryB + "\"]")));
    assertThat(ProcessTestSupport.selection(engine, callPi)).isWaitingAt(CallProcess.TASK_WAIT_OPINIONS);
    assertThat(pi1).isWaitingAt(CALL_JURY_OPINION);

    opinion(a1, juryA, 5, 4, 3, 2);
    opinion(a1, juryB, 4, 4, 4, 4);
    assertThat(applications.findByReference(a1.getReference()).orElseThrow().getWeightedScore()).isEqualByComparingTo("76.00");
    assertThat(ProcessTestSupport.selection(engine, callPi)).isWaitingAt(CallProcess.TASK_SYNTHESIS);

    ArrayNode proposals = (ArrayNode) json.readTree(engine.getRuntimeService()
        .getVariableTyped(ProcessTestSupport.current(engine, callPi).getId(), CallProcess.VAR_PROPOSALS).getValue().toString());
    assertThat(proposals).hasSize(1);
    JsonNode first = proposals.get(0);
    assertThat(first.get("applicationReference").asText()).isEqualTo(a1.getReference());
    assertThat(first.get("weightedScore").decimalValue()).isEqualByComparingTo("76.00");
    ((ObjectNode) first).put("granted", true).put("proposedAmount", new BigDecimal("33600.00")).put("proposedUnits", 16);
    complete(ref, CallProcess.TASK_SYNTHESIS, "camille.martin", Map.of(CallProcess.VAR_PROPOSALS, Spin.JSON(proposals.toString())));
    complete(ref, CallProcess.TASK_PREPARE_REPORT, "camille.martin", Map.of("assemblySessionDate", "2023-07-03", "reportSent", true));
    Map<String, Object> deliberation = new HashMap<>(Map.of("deliberationNumber", "2097-" + System.nanoTime() % 100000,
        "deliberationDate", "2023-07-03", "votesFor", 43, "votesAgainst", 0, "votesAbstention", 0, "votesAbsent", 1));
    deliberation.put(CallProcess.VAR_DELIBERATION_ADOPTED, "true");
    complete(ref, CallProcess.TASK_RECORD_DELIBERATION, "isabelle.moreau", deliberation);

    assertThat(pi1).hasPassed("SendTask_NotifyGrant").isWaitingAt("CallActivity_GrantAgreement");
    Application done = applications.findByReference(a1.getReference()).orElseThrow();
    assertThat(done.getState()).isEqualTo(ApplicationState.GRANTED);
    assertThat(done.getAwardDecisionId()).isNotNull();
    assertThat(TestMailServer.messagesTo(granted)).extracting(m -> m.getSubject())
        .contains("Dossier " + a1.getReference() + " : subvention accordée");
    // the granted dossier runs on through its convention: the call waits for it
    assertThat(callPi).isWaitingAt(CallProcess.EVENT_APPLICATION_ENDED);
    assertThat(applications.countByCallReferenceAndClosedAtIsNull(ref)).isEqualTo(1);

    ProcessInstance agreement = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(GrantAgreementProcess.KEY).processInstanceBusinessKey(a1.getReference()).singleResult();
    clock("2023-10-25T10:00:00");
    agreements.prepare(agreement, "33600", "16 mesures de 12 mois", "2023-07-03");
    agreements.sign(agreement, "2023-10-20", "2023-10-24");
    agreements.mandate(agreement, "Task_ValidateAdvanceMandate", "2023-10-25", "M-2023-0103");
    clock("2024-12-16T10:00:00");
    agreements.finalReport(agreement, "2024-12-15", true);
    agreements.serviceRendered(agreement, Map.of("MESURE_MOIS", 192, "DIAGNOSTIC", 0), "2024-12-16");
    agreements.mandate(agreement, "Task_ValidateBalanceMandate", "2024-12-16", "M-2024-0102");

    // the last dossier ended: the call, told by Message_ApplicationEnded, goes to its final review
    assertThat(pi1).isEnded().hasPassed(END_GRANTED);
    assertThat(applications.countByCallReferenceAndClosedAtIsNull(ref)).isZero();
    assertThat(callPi).isWaitingAt(CallProcess.TASK_FINAL_REVIEW);
    // the review gathers the indicators of the approved final report (each filled with 12 by the scenario)
    assertThat((String) engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, callPi).getId(), CallProcess.VAR_REVIEW_SUMMARY))
        .contains("Indicateurs (bilans finaux approuvés) : ")
        .contains("Ménages accompagnés : 12 ménages (1 bilan)");
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

  private ProcessInstance process(Application a) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(
        applications.findByReference(a.getReference()).orElseThrow().getProcessInstanceId()).singleResult();
  }

  private void complete(String businessKey, String taskKey, String user, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    tasks.claim(task.getId(), user);
    tasks.complete(task.getId(), variables);
    executeDueJobs(engine);
  }
}
