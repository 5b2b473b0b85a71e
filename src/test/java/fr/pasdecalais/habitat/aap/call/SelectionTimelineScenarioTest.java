package fr.pasdecalais.habitat.aap.call;

import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationRepository;
import fr.pasdecalais.habitat.aap.application.ApplicationRequest;
import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.application.ApplicationState;
import fr.pasdecalais.habitat.aap.application.Dossiers;
import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.decision.AwardDecision;
import fr.pasdecalais.habitat.aap.decision.Deliberation;
import fr.pasdecalais.habitat.aap.decision.DeliberationService;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.shared.JsonVariables;
import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The selection timeline of a call (issue 13): lots decided as each closes (prévention des
 * expulsions: AMI 1 decided in February 2023, AMI 2 in September), a call selected without a jury,
 * a lot that opens when its call is published. Real dossiers run their {@code application} process.
 */
@SpringScenarioTest
class SelectionTimelineScenarioTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired CallCatalog catalog;
  @Autowired CallLifecycle lifecycle;
  @Autowired ApplicationService applicationService;
  @Autowired ApplicationRepository applications;
  @Autowired DeliberationService deliberations;
  @Autowired JurySessionRepository sessions;
  @Autowired IdentitySetup identity;

  @BeforeEach
  void init() {
    ProcessTestSupport.init(engine);
    identity.ensureUser("sophie.dubois", "Sophie", "Dubois", "demo", Groups.JURY);
    identity.ensureUser("thomas.leroy", "Thomas", "Leroy", "demo", Groups.JURY);
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @Test
  void eachLotOfAPerLotCallIsJudgedAndDecidedAsSoonAsItClosesWithinItsOwnEnvelope() {
    clock("2022-12-10T10:00:00");
    String ref = TestCalls.uniqueReference("AAP-T-PARLOT");
    catalog.create(TestCalls.call(ref, DecidingBody.COMMISSION_PERMANENTE, TestCalls.prevention(ref,
        DecidingBody.COMMISSION_PERMANENTE).lots(), SelectionTimeline.PER_LOT, null));
    ProcessInstance callPi = lifecycle.startProcess(ref);
    clock("2022-12-20T10:00:00");
    executeDueJobs(engine);

    // AMI 1: one dossier, eligible before its lot closes on 03/02/2023
    ApplicationService.Submission ami1 = submit(ref, "AMI1", "LENS_HENIN", "30000.00");
    instruct(ami1);
    clock("2023-02-04T08:00:00");
    executeDueJobs(engine);

    // AMI 1 is selected on its own while AMI 2 has not even opened
    ProcessInstance lot1 = selection(ref, "AMI1");
    assertThat(lot1).isWaitingAt(CallProcess.TASK_ORGANISE_JURY);
    assertThat(callPi).isWaitingAt(CallProcess.CALL_ACTIVITY_LOT_SELECTION, CallProcess.TIMER_LOT_OPENS);
    assertThat(engine.getRuntimeService().getVariable(lot1.getId(), CallProcess.VAR_ENVELOPE_LABEL))
        .isEqualTo("AMI1 : 80 928,00 €");
    organiseJury(lot1, "2023-02-10T14:00", "2023-02-28");
    assertThat(state(ami1)).isEqualTo(ApplicationState.UNDER_JURY_REVIEW);
    assertThat(catalog.getByReference(ref).getStatus()).as("AMI 2 is still to come").isEqualTo(CallStatus.OPEN);
    giveOpinions(ami1, 5, 4);
    assertThat(lot1).isWaitingAt(CallProcess.TASK_SYNTHESIS);
    ArrayNode lines = proposals(lot1);
    assertThat(lines).extracting(l -> l.get("applicationReference").asText()).containsExactly(reference(ami1));
    ((ObjectNode) lines.get(0)).put("granted", true).put("proposedAmount", new BigDecimal("30000.00"));
    complete("camille.martin", task(lot1), Map.of(CallProcess.VAR_PROPOSALS, Spin.JSON(lines.toString())));
    deliberate(lot1, "2023-03-06");
    assertThat(state(ami1)).isEqualTo(ApplicationState.GRANTED);
    assertThat(lot1).isEnded();
    assertThat(callPi).isWaitingAt(CallProcess.TIMER_LOT_OPENS).hasNotPassed(CallProcess.CALL_ACTIVITY_CALL_SELECTION);

    // AMI 2 opens in July: its dossiers do not join AMI 1's session, they wait for their own jury
    clock("2023-07-03T10:00:00");
    executeDueJobs(engine);
    ApplicationService.Submission first = submit(ref, "AMI2", "AUDOMAROIS", "20000.00");
    ApplicationService.Submission second = submit(ref, "AMI2", "BOULONNAIS", "18000.00");
    instruct(first);
    complete("camille.martin", task(second, ApplicationProcess.TASK_CHECK_COMPLETENESS), Map.of("complete", "true"));
    assertThat(state(first)).isEqualTo(ApplicationState.ELIGIBLE);
    assertThat(instance(first)).isWaitingAt(ApplicationProcess.EVENT_JURY_CONVENED);
    assertThat(applications.findByReference(reference(first)).orElseThrow().getJurySessionId()).isNull();

    clock("2023-09-16T08:00:00");
    executeDueJobs(engine);
    ProcessInstance lot2 = selection(ref, "AMI2");
    assertThat(lot2).isWaitingAt(CallProcess.TASK_ORGANISE_JURY);
    assertThat(engine.getRuntimeService().getVariable(lot2.getId(), CallProcess.VAR_CANDIDATE_COUNT)).isEqualTo(2L);
    organiseJury(lot2, "2023-09-20T14:00", "2023-10-06");
    Long session2 = applications.findByReference(reference(first)).orElseThrow().getJurySessionId();
    assertThat(session2).isNotNull().isNotEqualTo(applications.findByReference(reference(ami1)).orElseThrow().getJurySessionId());
    assertThat(sessions.findById(session2).orElseThrow().getLotCode()).isEqualTo("AMI2");
    // a dossier of AMI 2 found eligible after its lot's jury was convened joins that session on arrival
    complete("camille.martin", task(second, ApplicationProcess.TASK_CHECK_ELIGIBILITY), Map.of("eligible", "true"));
    assertThat(applications.findByReference(reference(second)).orElseThrow().getJurySessionId()).isEqualTo(session2);
    assertThat(instance(second)).hasPassed(ApplicationProcess.TASK_JOIN_CONVENED_SESSION)
        .hasNotPassed(ApplicationProcess.EVENT_JURY_CONVENED);
    giveOpinions(first, 5, 5);
    assertThat(lot2).isWaitingAt(CallProcess.TASK_WAIT_OPINIONS);
    giveOpinions(second, 4, 4);
    assertThat(lot2).isWaitingAt(CallProcess.TASK_SYNTHESIS);

    // the synthesis holds AMI 2's dossiers only, within AMI 2's envelope (25 493,66 €), not the call's
    ArrayNode lot2Lines = proposals(lot2);
    assertThat(lot2Lines).extracting(l -> l.get("applicationReference").asText())
        .containsExactly(reference(first), reference(second));
    lot2Lines.forEach(l -> ((ObjectNode) l).put("granted", true));
    complete("camille.martin", task(lot2), Map.of(CallProcess.VAR_PROPOSALS, Spin.JSON(lot2Lines.toString())));
    assertThat(lot2).isWaitingAt(CallProcess.TASK_SYNTHESIS);
    assertThat((String) engine.getRuntimeService().getVariable(lot2.getId(), CallProcess.VAR_SYNTHESIS_ERROR))
        .contains("dépasse l'enveloppe du lot (25 493,66 €) de 12 506,34 €");
    ((ObjectNode) lot2Lines.get(1)).put("granted", false).put("proposedAmount", 0).put("reason", "Enveloppe épuisée");
    complete("camille.martin", task(lot2), Map.of(CallProcess.VAR_PROPOSALS, Spin.JSON(lot2Lines.toString())));
    deliberate(lot2, "2023-10-16");
    assertThat(state(first)).isEqualTo(ApplicationState.GRANTED);
    assertThat(state(second)).isEqualTo(ApplicationState.REFUSED);

    // every lot decided: the call goes to its execution without a selection of its own
    assertThat(callPi).isWaitingAt(CallProcess.EVENT_APPLICATION_ENDED).hasNotPassed(CallProcess.CALL_ACTIVITY_CALL_SELECTION);
    assertThat(catalog.getByReference(ref).getStatus()).isEqualTo(CallStatus.IN_EXECUTION);
    assertThat(deliberations.deliberations(ref)).extracting(Deliberation::getLotCode).containsExactly("AMI1", "AMI2");
    assertThat(deliberations.awards(ref)).extracting(AwardDecision::getLotCode, AwardDecision::isGranted,
            a -> a.getAmount().toPlainString())
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("AMI1", true, "30000.00"),
            org.assertj.core.groups.Tuple.tuple("AMI2", true, "20000.00"),
            org.assertj.core.groups.Tuple.tuple("AMI2", false, "0.00"));
  }

  @Test
  void aPerLotCallWithoutAnyDossierInAnyLotIsClosedOutWithoutCandidatureLikeAWholeCall() {
    clock("2022-12-10T10:00:00");
    String ref = TestCalls.uniqueReference("AAP-T-PARLOTVIDE");
    catalog.create(TestCalls.call(ref, DecidingBody.COMMISSION_PERMANENTE, TestCalls.prevention(ref,
        DecidingBody.COMMISSION_PERMANENTE).lots(), SelectionTimeline.PER_LOT, null));
    ProcessInstance callPi = lifecycle.startProcess(ref);
    clock("2022-12-20T10:00:00");
    executeDueJobs(engine);

    // AMI 1 closes without a dossier: its selection ends at once, AMI 2 is still to come
    clock("2023-02-04T08:00:00");
    executeDueJobs(engine);
    assertThat(endOfSelection(callPi, "AMI1")).isEqualTo(CallProcess.END_NO_APPLICATION);
    assertThat(callPi).isWaitingAt(CallProcess.TIMER_LOT_OPENS);
    assertThat(catalog.getByReference(ref).getStatus()).isEqualTo(CallStatus.OPEN);

    // AMI 2 closes without a dossier either: the call ends as a whole call without candidature
    clock("2023-07-03T10:00:00");
    executeDueJobs(engine);
    clock("2023-09-16T08:00:00");
    executeDueJobs(engine);
    assertThat(endOfSelection(callPi, "AMI2")).isEqualTo(CallProcess.END_NO_APPLICATION);
    assertThat(callPi).isEnded().hasPassed(CallProcess.TASK_CHECK_LOT_SELECTIONS, CallProcess.END_NO_APPLICATION)
        .hasNotPassed(CallProcess.CALL_ACTIVITY_CALL_SELECTION, CallProcess.TASK_CHECK_ACTIVE, CallProcess.TASK_FINAL_REVIEW);
    assertThat(catalog.getByReference(ref).getStatus()).isEqualTo(CallStatus.CLOSED_OUT);
    assertThat(deliberations.deliberations(ref)).isEmpty();
  }

  @Test
  void aPerLotCallWithDossiersInOneLotOnlyGoesOnToItsExecutionAndFinalReview() {
    clock("2022-12-10T10:00:00");
    String ref = TestCalls.uniqueReference("AAP-T-PARLOTUN");
    catalog.create(TestCalls.call(ref, DecidingBody.COMMISSION_PERMANENTE, TestCalls.prevention(ref,
        DecidingBody.COMMISSION_PERMANENTE).lots(), SelectionTimeline.PER_LOT, SelectionMode.WITHOUT_JURY));
    ProcessInstance callPi = lifecycle.startProcess(ref);
    clock("2022-12-20T10:00:00");
    executeDueJobs(engine);

    // AMI 1 closes without a dossier
    clock("2023-02-04T08:00:00");
    executeDueJobs(engine);
    assertThat(endOfSelection(callPi, "AMI1")).isEqualTo(CallProcess.END_NO_APPLICATION);

    // AMI 2 has one dossier, refused by the agents' proposal and the Commission Permanente
    clock("2023-07-03T10:00:00");
    executeDueJobs(engine);
    ApplicationService.Submission dossier = submit(ref, "AMI2", "AUDOMAROIS", "20000.00");
    instruct(dossier);
    clock("2023-09-16T08:00:00");
    executeDueJobs(engine);
    ProcessInstance lot2 = selection(ref, "AMI2");
    assertThat(lot2).isWaitingAt(CallProcess.TASK_PROPOSE_SELECTION);
    ArrayNode lines = proposals(lot2);
    ((ObjectNode) lines.get(0)).put("granted", false).put("proposedAmount", 0).put("reason", "Projet hors du champ de l'appel");
    complete("camille.martin", task(lot2), Map.of(CallProcess.VAR_PROPOSALS, Spin.JSON(lines.toString())));
    deliberate(lot2, "2023-10-16");
    assertThat(state(dossier)).isEqualTo(ApplicationState.REFUSED);

    // the empty AMI 1 does not close the call out: it goes to its execution, then its final review
    assertThat(callPi).isWaitingAt(CallProcess.TASK_FINAL_REVIEW)
        .hasPassed(CallProcess.TASK_CHECK_LOT_SELECTIONS, CallProcess.TASK_CHECK_ACTIVE)
        .hasNotPassed(CallProcess.END_NO_APPLICATION, CallProcess.CALL_ACTIVITY_CALL_SELECTION);
    assertThat(catalog.getByReference(ref).getStatus()).isNotEqualTo(CallStatus.CLOSED_OUT);
    assertThat(deliberations.deliberations(ref)).extracting(Deliberation::getLotCode).containsExactly("AMI2");
  }

  @Test
  void aCallWithoutJuryGoesFromEligibilityToTheAgentsProposalAndTheDecision() {
    clock("2022-12-10T10:00:00");
    String ref = TestCalls.uniqueReference("AAP-T-SANSJURY");
    catalog.create(TestCalls.call(ref, DecidingBody.COMMISSION_PERMANENTE, TestCalls.single(ref,
        DecidingBody.COMMISSION_PERMANENTE).lots(), null, SelectionMode.WITHOUT_JURY));
    ProcessInstance callPi = lifecycle.startProcess(ref);
    clock("2022-12-20T10:00:00");
    executeDueJobs(engine);
    ApplicationService.Submission retained = submit(ref, "UNIQUE", "LENS_HENIN", "30000.00");
    ApplicationService.Submission other = submit(ref, "UNIQUE", "ARTOIS", "15000.00");
    instruct(retained);
    instruct(other);
    // no jury to wait for: the dossier waits for its decision
    assertThat(instance(retained)).isWaitingAt(ApplicationProcess.EVENT_DECISION)
        .hasNotPassed(ApplicationProcess.EVENT_JURY_CONVENED);

    clock("2023-02-04T08:00:00");
    executeDueJobs(engine);
    assertThat(ProcessTestSupport.selection(engine, callPi)).isWaitingAt(CallProcess.TASK_PROPOSE_SELECTION).hasNotPassed(CallProcess.TASK_ORGANISE_JURY);
    assertThat(task(callPi)).hasCandidateGroup(Groups.INSTRUCTEURS);
    ArrayNode lines = proposals(callPi);
    assertThat(lines).hasSize(2);
    lines.forEach(l -> {
      assertThat(l.get("recommendation").asText()).isEqualTo("SANS_JURY");
      assertThat(l.get("granted").asBoolean()).isTrue();
      assertThat(l.get("weightedScore").isNull()).isTrue();
    });
    // the agents keep the request of one, refuse the other
    for (var l : lines) {
      ObjectNode line = (ObjectNode) l;
      if (line.get("applicationReference").asText().equals(reference(other))) {
        line.put("granted", false).put("proposedAmount", 0).put("reason", "Projet hors du champ de l'appel");
      }
    }
    complete("camille.martin", task(callPi), Map.of(CallProcess.VAR_PROPOSALS, Spin.JSON(lines.toString())));
    assertThat(ProcessTestSupport.selection(engine, callPi)).isWaitingAt(CallProcess.TASK_PREPARE_REPORT);
    deliberate(callPi, "2023-03-06");
    assertThat(state(retained)).isEqualTo(ApplicationState.GRANTED);
    assertThat(state(other)).isEqualTo(ApplicationState.REFUSED);
    assertThat(applications.findByReference(reference(retained)).orElseThrow().getJurySessionId()).isNull();
    assertThat(sessions.findByCallReferenceOrderByIdDesc(ref)).isEmpty();
    assertThat(deliberations.awards(ref)).filteredOn(AwardDecision::isGranted).singleElement()
        .satisfies(a -> assertThat(a.getAmount()).hasToString("30000.00"));
  }

  @Test
  void aLotWithoutOpeningDateOpensWhenItsCallIsPublished() {
    clock("2023-03-01T10:00:00");
    String ref = TestCalls.uniqueReference("AAP-T-OUVPUB");
    CallDefinition.Lot lot = new CallDefinition.Lot("UNIQUE", "Lot unique", List.of("PAS_DE_CALAIS"), null,
        ParisDateTime.parse("2023-04-30T23:59:59"), java.time.LocalDate.parse("2023-05-01"),
        java.time.LocalDate.parse("2023-12-31"), new BigDecimal("42000.00"));
    CallDefinition definition = TestCalls.call(ref, DecidingBody.COMMISSION_PERMANENTE, List.of(lot));
    assertThat(catalog.problems(definition)).isEmpty();
    catalog.create(definition);
    assertThat(catalog.getLot(ref, "UNIQUE").getOpensAt()).as("no date until publication").isNull();

    clock("2023-03-06T09:15:00");
    ProcessInstance callPi = lifecycle.startProcess(ref);
    assertThat(catalog.getLot(ref, "UNIQUE").getOpensAt().toInstant()).isEqualTo(ParisDateTime.parse("2023-03-06T09:15:00").toInstant());
    executeDueJobs(engine);
    assertThat(callPi).isWaitingAt(CallProcess.TIMER_LOT_CLOSES).hasPassed(CallProcess.TASK_OPEN_LOT);
    assertThat(catalog.getByReference(ref).getStatus()).isEqualTo(CallStatus.OPEN);
    assertThat(CallView.summary(catalog.getByReference(ref), ParisDateTime.parse("2023-03-07T10:00:00").toInstant()).lots())
        .singleElement().satisfies(l -> {
          assertThat(l.open()).isTrue();
          assertThat(l.window()).isEqualTo("du 06/03/2023 à 09h15 au 30/04/2023 à 23h59");
        });

    // without an opening date, the closing date must still be ahead: at definition and at publication
    String late = TestCalls.uniqueReference("AAP-T-OUVPUB");
    CallDefinition closed = TestCalls.call(late, DecidingBody.COMMISSION_PERMANENTE, List.of(new CallDefinition.Lot("UNIQUE",
        "Lot unique", List.of("PAS_DE_CALAIS"), null, ParisDateTime.parse("2023-03-01T23:59:59"),
        java.time.LocalDate.parse("2023-03-01"), java.time.LocalDate.parse("2023-12-31"), new BigDecimal("42000.00"))));
    assertThat(catalog.problems(closed)).singleElement().satisfies(problem -> {
      assertThat(problem.field()).isEqualTo("lots[0].closesAt");
      assertThat(problem.message()).startsWith("Sans date d'ouverture, le lot ouvre à la publication : sa clôture");
    });
    String draft = TestCalls.uniqueReference("AAP-T-OUVPUB");
    catalog.create(TestCalls.call(draft, DecidingBody.COMMISSION_PERMANENTE, List.of(lot)));
    clock("2023-05-02T10:00:00");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> lifecycle.startProcess(draft))
        .hasMessageContaining("ouvre à la publication : sa clôture (30/04/2023 à 23h59) est déjà passée");
    assertThat(catalog.getByReference(draft).getStatus()).isEqualTo(CallStatus.DRAFT);
  }

  @Test
  void aCallDecidedByThePrefetGoesFromPublicationToTheDecisionsSentThroughTheStatesTasks() {
    clock("2022-12-10T10:00:00");
    String ref = TestCalls.uniqueReference("AMI-T-ETAT");
    catalog.create(TestCalls.call(ref, DecidingBody.PREFET, TestCalls.single(ref, DecidingBody.PREFET).lots(), null,
        SelectionMode.WITHOUT_JURY));
    ProcessInstance callPi = lifecycle.startProcess(ref);
    clock("2022-12-20T10:00:00");
    executeDueJobs(engine);
    ApplicationService.Submission dossier = submit(ref, "UNIQUE", "LENS_HENIN", "30000.00");
    instruct(dossier);
    clock("2023-02-04T08:00:00");
    executeDueJobs(engine);
    complete("camille.martin", task(callPi), Map.of(CallProcess.VAR_PROPOSALS, Spin.JSON(proposals(callPi).toString())));

    // the State's path: a proposal to the Préfet by the agents, his decision recorded by the prefecture
    assertThat(ProcessTestSupport.selection(engine, callPi)).isWaitingAt(CallProcess.TASK_PREPARE_PREFECT_PROPOSAL);
    assertThat(task(callPi)).hasName("Préparer la proposition de décision au Préfet").hasCandidateGroup(Groups.INSTRUCTEURS);
    complete("camille.martin", task(callPi), Map.of(CallProcess.VAR_PREFECT_PROPOSAL_DATE, "2023-02-10",
        CallProcess.VAR_PREFECT_PROPOSAL_SENT, true));
    assertThat(task(callPi)).hasName("Enregistrer la décision du Préfet").hasCandidateGroup(Groups.PREFECTURE);
    complete("prefet.test", task(callPi), Map.of(CallProcess.VAR_DECISION_REFERENCE, "Arrêté n° DDETS-62-2023-017",
        CallProcess.VAR_DELIBERATION_DATE, "2023-02-20", CallProcess.VAR_DELIBERATION_ADOPTED, "true"));

    assertThat(callPi).isWaitingAt(CallProcess.EVENT_APPLICATION_ENDED).hasPassed(CallProcess.CALL_ACTIVITY_CALL_SELECTION);
    assertThat(ProcessTestSupport.selectionActivities(engine, callPi)).contains(CallProcess.TASK_SEND_DECISIONS)
        .doesNotContain(CallProcess.TASK_PREPARE_REPORT, CallProcess.TASK_RECORD_DELIBERATION);
    Deliberation act = deliberations.deliberations(ref).get(0);
    assertThat(act.getDecidingBody()).isEqualTo(DecidingBody.PREFET);
    assertThat(act.getVotesFor()).isNull();
    assertThat(act.getRecordedBy()).isEqualTo("prefet.test");
    assertThat(act.frenchLabel()).isEqualTo("décision du Préfet réf. Arrêté n° DDETS-62-2023-017 du 20/02/2023");
    assertThat(deliberations.awards(ref)).singleElement().satisfies(a -> {
      assertThat(a.getDecidingBody()).isEqualTo(DecidingBody.PREFET);
      assertThat(a.getAmount()).hasToString("30000.00");
    });
    Application granted = applications.findByReference(reference(dossier)).orElseThrow();
    assertThat(granted.getState()).isEqualTo(ApplicationState.GRANTED);
    assertThat(granted.getDecisionLabel()).endsWith("décision du Préfet réf. Arrêté n° DDETS-62-2023-017 du 20/02/2023");
  }

  // ------------------------------------------------------------------ helpers

  private ApplicationService.Submission submit(String ref, String lot, String territory, String amount) {
    ApplicationRequest r = Dossiers.request(Dossiers.siret(), Dossiers.email(), true, List.of(territory));
    return applicationService.submit(ref, new ApplicationRequest(r.organization(), lot, r.territories(),
        new BigDecimal(amount), r.requestedUnits(), r.summary()), Dossiers.AGENT);
  }

  private void instruct(ApplicationService.Submission s) {
    complete("camille.martin", task(s, ApplicationProcess.TASK_CHECK_COMPLETENESS), Map.of("complete", "true"));
    complete("camille.martin", task(s, ApplicationProcess.TASK_CHECK_ELIGIBILITY), Map.of("eligible", "true"));
  }

  private ProcessInstance selection(String ref, String lot) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallProcess.SELECTION_KEY)
        .processInstanceBusinessKey(ref).variableValueEquals(CallProcess.VAR_SELECTED_LOT, lot).singleResult();
  }

  /** Where the lot's {@code call-selection}, called by the call, ended. */
  private String endOfSelection(ProcessInstance callPi, String lot) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .superProcessInstanceId(callPi.getId()).processDefinitionKey(CallProcess.SELECTION_KEY)
        .variableValueEquals(CallProcess.VAR_SELECTED_LOT, lot).singleResult().getEndActivityId();
  }

  private void organiseJury(ProcessInstance pi, String session, String deadline) {
    complete("camille.martin", task(pi), Map.of(CallProcess.VAR_JURY_SESSION_DATE, session,
        ProcessContract.VAR_OPINION_DEADLINE, deadline,
        ProcessContract.VAR_JURY_MEMBERS, Spin.JSON("[\"sophie.dubois\",\"thomas.leroy\"]")));
  }

  private void giveOpinions(ApplicationService.Submission s, int score1, int score2) {
    for (String member : List.of("sophie.dubois", "thomas.leroy")) {
      complete(member, juryTask(s, member, "Task_DeclareConflict"), Map.of("conflictOfInterest", false));
      Map<String, Object> vars = new HashMap<>(Map.of("score1", score1, "score2", score2));
      vars.put("avis", "FAVORABLE");
      vars.put("opinionComment", "Avis de " + member);
      complete(member, juryTask(s, member, "Task_GiveOpinion"), vars);
    }
  }

  private void deliberate(ProcessInstance pi, String date) {
    complete("camille.martin", task(pi), Map.of("assemblySessionDate", date, "reportSent", true));
    complete("isabelle.moreau", task(pi), Map.of("deliberationNumber",
        "2097-" + ThreadLocalRandom.current().nextInt(10000, 99999), "deliberationDate", date,
        "votesFor", 43, "votesAgainst", 0, "votesAbstention", 0, "votesAbsent", 1,
        CallProcess.VAR_DELIBERATION_ADOPTED, "true"));
  }

  private ArrayNode proposals(ProcessInstance pi) {
    return (ArrayNode) JsonVariables.tree(engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, pi).getId(), CallProcess.VAR_PROPOSALS));
  }

  private Task task(ProcessInstance pi) {
    return tasks.createTaskQuery().processInstanceId(ProcessTestSupport.current(engine, pi).getId()).singleResult();
  }

  private Task task(ApplicationService.Submission s, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference(s)).taskDefinitionKey(key).singleResult();
  }

  private Task juryTask(ApplicationService.Submission s, String member, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference(s)).taskDefinitionKey(key)
        .taskAssignee(member).singleResult();
  }

  private ProcessInstance instance(ApplicationService.Submission s) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY)
        .processInstanceBusinessKey(reference(s)).singleResult();
  }

  private void complete(String user, Task task, Map<String, Object> variables) {
    assertThat(task).as("tâche attendue").isNotNull();
    if (task.getAssignee() == null) {
      tasks.claim(task.getId(), user);
    }
    tasks.complete(task.getId(), variables);
    executeDueJobs(engine);
  }

  private static String reference(ApplicationService.Submission s) {
    return s.application().getReference();
  }

  private ApplicationState state(ApplicationService.Submission s) {
    return applications.findByReference(reference(s)).orElseThrow().getState();
  }
}
