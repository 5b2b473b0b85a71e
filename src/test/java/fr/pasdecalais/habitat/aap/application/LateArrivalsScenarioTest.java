package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.call.CallProcessService;
import fr.pasdecalais.habitat.aap.call.JurySession;
import fr.pasdecalais.habitat.aap.decision.AwardDecision;
import fr.pasdecalais.habitat.aap.decision.AwardDecisions;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every message wait of docs/architecture.md ("Message waits and how each is protected"), driven
 * in both orders: the message sent while the process waits, and the message sent before the
 * process reaches its wait (the sender's correlation then finds nobody: the receiver must find
 * the recorded fact on arrival). Jobs run by hand, so "before" is a job held back.
 */
@SpringScenarioTest
class LateArrivalsScenarioTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;
  @Autowired CallProcessService callProcess;
  @Autowired ApplicationService service;
  @Autowired ApplicationRepository applications;
  @Autowired IdentitySetup identitySetup;
  @Autowired AwardDecisions awards;

  Dossiers dossiers;
  CallForProjects call;
  String memberA;
  String memberB;

  @BeforeEach
  void setUp() {
    ProcessTestSupport.init(engine);
    dossiers = new Dossiers(catalog, reader, service);
    call = dossiers.call(true); // one lot, UNIQUE, open 01/04/2023 – 31/05/2023 23:59:59
    memberA = call.getJury().get(0).getUserId();
    memberB = call.getJury().get(1).getUserId();
    identitySetup.ensureUser(memberA, "Sophie", "Dubois", "demo", Groups.JURY);
    identitySetup.ensureUser(memberB, "Thomas", "Leroy", "demo", Groups.JURY);
    clock("2023-04-10T10:00:00");
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  // ------------------------------------------------------------------ Message_JuryConvened

  @Test
  void eligibilityRecordedAfterTheJuryWasConvenedOpensTheDossiersJuryOpinionsForTheSessionMembers() {
    ApplicationService.Submission s = completeDossier();
    ProcessInstance pi = instance(s);
    // the agent decided eligibility, but "Enregistrer l'éligibilité" waits behind a backlog of jobs
    completeAs("camille.martin", task(s, TASK_CHECK_ELIGIBILITY), Map.of("eligible", "true"));
    assertThat(state(s)).isEqualTo(ApplicationState.COMPLETE);

    // the call convenes its jury meanwhile: its message finds no dossier waiting at "Jury réuni"
    JurySession session = convene();
    assertThat(state(s)).isEqualTo(ApplicationState.COMPLETE);
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult())
        .isWaitingAt("Task_RecordEligibility");

    executeDueJobs(engine);

    assertThat(pi).hasPassed(TASK_JOIN_CONVENED_SESSION, GATEWAY_JURY_ALREADY_CONVENED, TASK_OPEN_JURY_REVIEW)
        .hasNotPassed(EVENT_JURY_CONVENED).isWaitingAt(CALL_JURY_OPINION);
    // what Message_JuryConvened would have given it, from the session the call recorded
    assertThat(runtime.getVariables(pi.getId())).containsEntry(VAR_JURY_MEMBERS, List.of(memberA, memberB))
        .containsEntry(VAR_JURY_SESSION_ID, session.getId())
        .containsEntry(VAR_OPINION_DEADLINE, Date.from(session.getOpinionDeadline().toInstant()));
    Application a = applications.findByReference(s.application().getReference()).orElseThrow();
    assertThat(a.getState()).isEqualTo(ApplicationState.UNDER_JURY_REVIEW);
    assertThat(a.getJurySessionId()).isEqualTo(session.getId());
    assertThat(juryTask(s, memberA, "Task_DeclareConflict")).isNotNull();
    assertThat(juryTask(s, memberB, "Task_DeclareConflict")).isNotNull();
    assertThat(opinionInstances(s)).isEqualTo(2);
  }

  @Test
  void eligibilityDecidedByAnAgentAfterTheConvocationStillBringsTheDossierBeforeTheJury() {
    ApplicationService.Submission s = completeDossier();
    ProcessInstance pi = instance(s);
    convene();
    executeDueJobs(engine);

    completeAs("camille.martin", task(s, TASK_CHECK_ELIGIBILITY), Map.of("eligible", "true"));
    executeDueJobs(engine);

    assertThat(pi).hasPassed(TASK_JOIN_CONVENED_SESSION).hasNotPassed(EVENT_JURY_CONVENED).isWaitingAt(CALL_JURY_OPINION);
    assertThat(state(s)).isEqualTo(ApplicationState.UNDER_JURY_REVIEW);
    assertThat(opinionInstances(s)).isEqualTo(2);
  }

  @Test
  void aDossierWaitingAtJuryReuniIsAskedForItsOpinionsWhenTheJuryIsConvened() {
    ApplicationService.Submission s = eligibleDossier();
    ProcessInstance pi = instance(s);
    assertThat(pi).hasPassed(TASK_JOIN_CONVENED_SESSION).isWaitingAt(EVENT_JURY_CONVENED);

    JurySession session = convene();
    executeDueJobs(engine);

    assertThat(pi).hasPassed(EVENT_JURY_CONVENED, TASK_OPEN_JURY_REVIEW).isWaitingAt(CALL_JURY_OPINION);
    assertThat(runtime.getVariables(pi.getId())).containsEntry(VAR_JURY_SESSION_ID, session.getId());
    assertThat(opinionInstances(s)).isEqualTo(2);
  }

  @Test
  void aDossierThatJoinedTheSessionOnArrivalIsNotAskedTwiceWhenTheConvocationMessageComesAgain() {
    ApplicationService.Submission s = completeDossier();
    JurySession session = convene();
    completeAs("camille.martin", task(s, TASK_CHECK_ELIGIBILITY), Map.of("eligible", "true"));
    executeDueJobs(engine);
    assertThat(opinionInstances(s)).isEqualTo(2);

    // the same message again (a retried or replayed convocation): the dossier no longer waits for it
    int caught = runtime.createMessageCorrelation(MSG_JURY_CONVENED)
        .processInstanceVariableEquals(VAR_CALL_REFERENCE, call.getReference())
        .setVariable(VAR_JURY_MEMBERS, new java.util.ArrayList<>(session.memberIds()))
        .setVariable(VAR_OPINION_DEADLINE, Date.from(session.getOpinionDeadline().toInstant()))
        .setVariable(VAR_JURY_SESSION_ID, session.getId())
        .correlateAllWithResult().size();
    executeDueJobs(engine);

    assertThat(caught).isZero();
    assertThat(opinionInstances(s)).isEqualTo(2);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(s.application().getReference())
        .taskDefinitionKey("Task_DeclareConflict").count()).isEqualTo(2);
  }

  // ------------------------------------------------------------------ Message_Decision

  @Test
  void aDossierWhoseScoreIsComputedAfterTheDecisionsWereSentTakesItsDecisionAndGoesOn() {
    ApplicationService.Submission s = eligibleDossier();
    ProcessInstance pi = instance(s);
    convene();
    executeDueJobs(engine);
    giveOpinion(s, memberA, 5, 4, 3, 2);
    completeAs(memberB, juryTask(s, memberB, "Task_DeclareConflict"), Map.of("conflictOfInterest", false));
    completeAs(memberB, juryTask(s, memberB, "Task_GiveOpinion"), opinion(4, 4, 4, 4));
    executeDueJobsExcept("Task_ComputeScore");
    // "Calculer la note pondérée" waits behind a backlog; the call records and sends its decisions
    assertThat(pi).isWaitingAt("Task_ComputeScore");
    AwardDecision award = awards.grant(applications.findByReference(s.application().getReference()).orElseThrow(),
        new BigDecimal("42000.00"), 20, LocalDate.of(2023, 7, 3));
    int told = runtime.createMessageCorrelation(MSG_DECISION).processInstanceBusinessKey(s.application().getReference())
        .setVariable(VAR_GRANTED, true).setVariable(VAR_AWARD_DECISION_ID, award.getId())
        .setVariable(VAR_DECISION_LABEL, "ignoré").correlateAllWithResult().size();
    assertThat(told).isZero();

    executeDueJobs(engine);

    assertThat(pi).hasPassed(TASK_FIND_TAKEN_DECISION, GATEWAY_DECISION_ALREADY_TAKEN, TASK_RECORD_DECISION)
        .hasNotPassed(EVENT_DECISION).isWaitingAt("CallActivity_GrantAgreement");
    Application a = applications.findByReference(s.application().getReference()).orElseThrow();
    assertThat(a.getState()).isEqualTo(ApplicationState.GRANTED);
    assertThat(a.getAwardDecisionId()).isEqualTo(award.getId());
    assertThat(a.getDecisionLabel()).startsWith("Subvention accordée : 42 000,00 € (20 unités), délibération de la Commission Permanente n° ");
  }

  @Test
  void aDossierWaitingAtDecisionRecueGoesOnWhenTheDecisionArrives() {
    ApplicationService.Submission s = eligibleDossier();
    ProcessInstance pi = instance(s);
    convene();
    executeDueJobs(engine);
    giveOpinion(s, memberA, 1, 1, 1, 1);
    giveOpinion(s, memberB, 2, 1, 0, 0);
    assertThat(pi).hasPassed(TASK_FIND_TAKEN_DECISION).isWaitingAt(EVENT_DECISION);

    runtime.createMessageCorrelation(MSG_DECISION).processInstanceBusinessKey(s.application().getReference())
        .setVariable(VAR_GRANTED, false).setVariable(VAR_DECISION_LABEL, "Classement insuffisant")
        .correlateWithResult();
    executeDueJobs(engine);

    assertThat(pi).isEnded().hasPassed(EVENT_DECISION, TASK_RECORD_DECISION, END_REFUSED);
    assertThat(state(s)).isEqualTo(ApplicationState.REFUSED);
  }

  // ------------------------------------------------------------------ Message_DeadlinePassed

  @Test
  void aDossierAskedForPiecesThatReachesTheWaitAfterItsLotClosedIsRejectedAtOnce() {
    ApplicationService.Submission s = dossiers.submit(call, Dossiers.email(), true);
    ProcessInstance pi = instance(s);
    ProcessInstance instruction = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    clock("2023-05-31T23:00:00");
    completeAs("camille.martin", task(s, TASK_CHECK_COMPLETENESS), Map.of("complete", "false",
        "missingPieces", SpinValues.jsonValue("[\"BUDGET\"]").create(), "missingReason", "MISSING",
        "completenessComment", "Le budget prévisionnel manque."));
    // regularisation asked before the deadline, but the request to the holder is still a job
    executeJob(instruction, "Task_RecordCompleteness");
    assertThat(state(s)).isEqualTo(ApplicationState.REGULARIZATION);
    assertThat(instruction).isWaitingAt("SendTask_NotifyRegularization");

    // the lot closes: the call's message finds no dossier waiting for pieces
    clock("2023-06-01T00:00:00");
    int told = runtime.createMessageCorrelation(MSG_DEADLINE_PASSED)
        .processInstanceVariableEquals(VAR_CALL_REFERENCE, call.getReference())
        .processInstanceVariableEquals(VAR_LOT_CODE, "UNIQUE")
        .correlateAllWithResult().size();
    assertThat(told).isZero();

    executeDueJobs(engine);

    // the wait's own timer is the lot's closing date (read from the call when regularisation was asked): already due
    assertThat(instruction).isEnded().hasPassed(TASK_AWAIT_PIECES, "Boundary_RegularizationDeadline", END_REJECTED_INCOMPLETE);
    assertThat(pi).isEnded().hasPassed(END_NOT_RETAINED);
    assertThat(state(s)).isEqualTo(ApplicationState.REJECTED_INCOMPLETE);
  }

  // ------------------------------------------------------------------ Message_AllOpinionsIn

  @Test
  void theCallWaitsForOpinionsFromTheStepThatConvenesTheJuryAndADossierThatJoinedLateHoldsItUntilItsOpinionsAreIn() {
    ApplicationService.Submission onTime = eligibleDossier();
    ApplicationService.Submission late = completeDossier();
    ProcessInstance selectionPi = startBefore(CallProcess.SELECTION_KEY, CallProcess.TASK_CONVENE_JURY, Map.of(
        CallProcess.VAR_JURY_SESSION_DATE, "2023-09-20T14:00", VAR_OPINION_DEADLINE, "2023-09-25",
        VAR_JURY_MEMBERS, Spin.JSON("[\"" + memberA + "\",\"" + memberB + "\"]")));
    executeDueJobs(engine);
    // the session is recorded in the transaction that starts the wait: no dossier can answer before the call waits
    assertThat(selectionPi).isWaitingAt(CallProcess.TASK_WAIT_OPINIONS);
    assertThat(state(onTime)).isEqualTo(ApplicationState.UNDER_JURY_REVIEW);

    completeAs("camille.martin", task(late, TASK_CHECK_ELIGIBILITY), Map.of("eligible", "true"));
    executeDueJobs(engine);
    assertThat(state(late)).isEqualTo(ApplicationState.UNDER_JURY_REVIEW);

    giveOpinion(onTime, memberA, 5, 4, 4, 4);
    giveOpinion(onTime, memberB, 4, 4, 4, 4);
    assertThat(selectionPi).isWaitingAt(CallProcess.TASK_WAIT_OPINIONS);

    giveOpinion(late, memberA, 3, 3, 3, 3);
    giveOpinion(late, memberB, 3, 3, 3, 3);
    assertThat(selectionPi).hasPassed(CallProcess.TASK_WAIT_OPINIONS, CallProcess.TASK_RANK)
        .isWaitingAt(CallProcess.TASK_SYNTHESIS);
  }

  // ------------------------------------------------------------------ Message_ApplicationEnded

  @Test
  void aCallThatChecksItsDossiersAfterTheLastOneEndedGoesStraightToItsFinalReview() {
    ApplicationService.Submission s = eligibleDossier();
    runtime.deleteProcessInstance(instance(s).getId(), "Annulé par l'administrateur (test)");
    executeDueJobs(engine);
    assertThat(applications.findByReference(s.application().getReference()).orElseThrow().getClosedAt()).isNotNull();

    ProcessInstance callPi = startCallBefore(CallProcess.TASK_CHECK_ACTIVE, Map.of());
    executeDueJobs(engine);

    assertThat(callPi).hasPassed(CallProcess.TASK_CHECK_ACTIVE).hasNotPassed(CallProcess.EVENT_APPLICATION_ENDED)
        .isWaitingAt(CallProcess.TASK_FINAL_REVIEW);
  }

  @Test
  void aCallWaitingAtFinDUnDossierGoesToItsFinalReviewWhenTheLastDossierEnds() {
    ApplicationService.Submission s = eligibleDossier();
    ProcessInstance callPi = startCallBefore(CallProcess.TASK_CHECK_ACTIVE, Map.of());
    executeDueJobs(engine);
    assertThat(callPi).isWaitingAt(CallProcess.EVENT_APPLICATION_ENDED);

    runtime.deleteProcessInstance(instance(s).getId(), "Annulé par l'administrateur (test)");
    executeDueJobs(engine);

    assertThat(callPi).hasPassed(CallProcess.EVENT_APPLICATION_ENDED).isWaitingAt(CallProcess.TASK_FINAL_REVIEW);
  }

  // ------------------------------------------------------------------ helpers

  /** "Convoquer le jury" as the call's step does it: session recorded, then the message (jobs left to the test). */
  private JurySession convene() {
    JurySession session = callProcess.conveneJury(call.getReference(),
        OffsetDateTime.parse("2023-09-26T09:00:00+02:00"), OffsetDateTime.parse("2023-09-25T23:59:59+02:00"),
        List.of(memberA, memberB), "camille.martin");
    return session;
  }

  /** The call's process of this test's call, started just before {@code activityId} (instance modification). */
  private ProcessInstance startCallBefore(String activityId, Map<String, Object> variables) {
    return startBefore(CallProcess.KEY, activityId, variables);
  }

  /** {@code processKey} (the call's process or its selection) of this test's call, started just before {@code activityId}. */
  private ProcessInstance startBefore(String processKey, String activityId, Map<String, Object> variables) {
    Map<String, Object> vars = new HashMap<>(variables);
    vars.put(VAR_CALL_REFERENCE, call.getReference());
    vars.put(VAR_REFERENCE, call.getReference());
    return runtime.createProcessInstanceByKey(processKey).businessKey(call.getReference())
        .setVariables(vars).startBeforeActivity(activityId).execute();
  }

  private ApplicationService.Submission completeDossier() {
    ApplicationService.Submission s = dossiers.submit(call, Dossiers.email(), true);
    completeAs("camille.martin", task(s, TASK_CHECK_COMPLETENESS), Map.of("complete", "true"));
    executeDueJobs(engine);
    assertThat(task(s, TASK_CHECK_ELIGIBILITY)).isNotNull();
    return s;
  }

  private ApplicationService.Submission eligibleDossier() {
    ApplicationService.Submission s = completeDossier();
    completeAs("camille.martin", task(s, TASK_CHECK_ELIGIBILITY), Map.of("eligible", "true"));
    executeDueJobs(engine);
    assertThat(instance(s)).isWaitingAt(EVENT_JURY_CONVENED);
    return s;
  }

  private void giveOpinion(ApplicationService.Submission s, String member, int s1, int s2, int s3, int s4) {
    completeAs(member, juryTask(s, member, "Task_DeclareConflict"), Map.of("conflictOfInterest", false));
    completeAs(member, juryTask(s, member, "Task_GiveOpinion"), opinion(s1, s2, s3, s4));
    executeDueJobs(engine);
  }

  private static Map<String, Object> opinion(int s1, int s2, int s3, int s4) {
    Map<String, Object> vars = new HashMap<>(Map.of("score1", s1, "score2", s2, "score3", s3, "score4", s4));
    vars.put("avis", "FAVORABLE");
    vars.put("opinionComment", "Avis d'essai");
    return vars;
  }

  /** Every due job but those of {@code heldBack} (a backlog in front of that step). */
  private void executeDueJobsExcept(String heldBack) {
    for (int round = 0; round < 100; round++) {
      List<String> held = engine.getManagementService().createJobQuery().activityId(heldBack).list().stream()
          .map(Job::getId).toList();
      List<Job> due = engine.getManagementService().createJobQuery().executable().list().stream()
          .filter(j -> !held.contains(j.getId())).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> engine.getManagementService().executeJob(j.getId()));
    }
    throw new AssertionError("Jobs keep being created");
  }

  private void executeJob(ProcessInstance pi, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    assertThat(job).as("job de " + activityId).isNotNull();
    engine.getManagementService().executeJob(job.getId());
  }

  private long opinionInstances(ApplicationService.Submission s) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("jury-opinion")
        .processInstanceBusinessKey(s.application().getReference()).count();
  }

  private ProcessInstance instance(ApplicationService.Submission s) {
    ProcessInstance pi = runtime.createProcessInstanceQuery()
        .processInstanceId(applications.findByReference(s.application().getReference()).orElseThrow().getProcessInstanceId())
        .singleResult();
    assertThat(pi).as("instance en cours").isNotNull();
    return pi;
  }

  private Task task(ApplicationService.Submission s, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(s.application().getReference()).taskDefinitionKey(key).singleResult();
  }

  private Task juryTask(ApplicationService.Submission s, String member, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(s.application().getReference()).taskDefinitionKey(key)
        .taskAssignee(member).singleResult();
  }

  private void completeAs(String user, Task task, Map<String, Object> variables) {
    assertThat(task).as("tâche attendue").isNotNull();
    if (task.getAssignee() == null) {
      tasks.claim(task.getId(), user);
    }
    tasks.complete(task.getId(), variables);
  }

  private ApplicationState state(ApplicationService.Submission s) {
    return applications.findByReference(s.application().getReference()).orElseThrow().getState();
  }
}
