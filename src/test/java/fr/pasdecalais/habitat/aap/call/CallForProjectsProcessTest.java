package fr.pasdecalais.habitat.aap.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pasdecalais.habitat.aap.call.CandidateSource.Candidate;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.decision.AwardDecision;
import fr.pasdecalais.habitat.aap.decision.Deliberation;
import fr.pasdecalais.habitat.aap.decision.DeliberationService;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.notification.Notification;
import fr.pasdecalais.habitat.aap.notification.NotificationKind;
import fr.pasdecalais.habitat.aap.notification.NotificationRepository;
import fr.pasdecalais.habitat.aap.notification.NotificationStatus;
import fr.pasdecalais.habitat.aap.review.CallReview;
import fr.pasdecalais.habitat.aap.review.CallReviewRepository;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.JsonVariables;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import fr.pasdecalais.habitat.aap.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One scenario per path of {@code call-for-projects}. */
@SpringScenarioTest
class CallForProjectsProcessTest {

  private static final AtomicInteger DELIBERATION = new AtomicInteger(100);

  @Autowired ProcessEngine engine;
  @Autowired CallLifecycle lifecycle;
  @Autowired CallCatalog catalog;
  @Autowired CallDossiers rows;
  @Autowired DeliberationService deliberations;
  @Autowired fr.pasdecalais.habitat.aap.decision.SelectionService selection;
  @Autowired JurySessionRepository sessions;
  @Autowired CallReviewRepository reviews;
  @Autowired NotificationRepository notifications;

  @Autowired IdentitySetup identity;

  @BeforeEach
  void init() {
    ProcessTestSupport.init(engine);
    for (String id : List.of("sophie.dubois", "thomas.leroy", "nadia.benali")) {
      if (engine.getIdentityService().createUserQuery().userId(id).count() == 0) {
        identity.ensureUser(id, id.substring(0, 1).toUpperCase() + id.substring(1, id.indexOf('.')), "Jury",
            "demo", Groups.JURY);
      }
    }
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  private ProcessInstance publish(CallDefinition definition) {
    lifecycle.create(definition, true);
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(definition.reference()).processDefinitionKey(CallProcess.KEY).singleResult();
  }

  private CallStatus status(String reference) {
    return catalog.getByReference(reference).getStatus();
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void run() {
    ProcessTestSupport.executeDueJobs(engine);
  }

  private static String deliberationNumber() {
    return "2099-" + DELIBERATION.incrementAndGet();
  }

  private static Candidate candidate(String call, String suffix, String lot, String score, String requested, String org) {
    return new Candidate(null, call + "-" + suffix, lot, org, score == null ? null : new BigDecimal(score),
        new BigDecimal(requested), null);
  }

  @Test
  void eachLotOpensAndClosesOnItsOwnTimers() {
    String ref = TestCalls.uniqueReference("AAP-T-LOTS");
    ProcessTestSupport.clock("2022-12-01T10:00:00");
    ProcessInstance pi = publish(TestCalls.prevention(ref, DecidingBody.COMMISSION_PERMANENTE));

    assertThat(pi).isWaitingAt(CallProcess.TIMER_LOT_OPENS);
    assertThat(status(ref)).isEqualTo(CallStatus.PUBLISHED);
    List<Job> openings = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(CallProcess.TIMER_LOT_OPENS).orderByJobDuedate().asc().list();
    assertThat(openings).extracting(j -> j.getDuedate().toInstant().toString())
        .containsExactly("2022-12-14T23:00:00Z", "2023-06-30T22:00:00Z");

    ProcessTestSupport.clock("2022-12-15T00:00:00");
    run();
    assertThat(status(ref)).isEqualTo(CallStatus.OPEN);
    assertThat(catalog.isOpen(ref, "AMI1", EngineClock.now())).isTrue();
    assertThat(catalog.isOpen(ref, "AMI2", EngineClock.now())).isFalse();
    Job closing = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(CallProcess.TIMER_LOT_CLOSES).singleResult();
    // "du 15/12/2022 au 03/02/2023 inclus": closes at 03/02/2023 23:59:59 Paris time
    assertThat(closing.getDuedate().toInstant().toString()).isEqualTo("2023-02-03T22:59:59Z");

    ProcessTestSupport.clock("2023-02-03T23:59:58");
    run();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(CallProcess.TIMER_LOT_CLOSES).count()).isEqualTo(1);

    ProcessTestSupport.clock("2023-02-03T23:59:59");
    run();
    // AMI 1 closed, AMI 2 not open yet: the call stays open for its second window
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(CallProcess.TIMER_LOT_CLOSES).count()).isZero();
    assertThat(pi).isWaitingAt(CallProcess.TIMER_LOT_OPENS);
    assertThat(status(ref)).isEqualTo(CallStatus.OPEN);

    ProcessTestSupport.clock("2023-07-01T00:00:00");
    run();
    assertThat(pi).isWaitingAt(CallProcess.TIMER_LOT_CLOSES);
    assertThat(catalog.isOpen(ref, "AMI2", EngineClock.now())).isTrue();

    rows.insert(catalog.getByReference(ref), List.of(candidate(ref, "0001", "AMI2", "72.50", "25493.66", "Association Horizon Logement")));
    ProcessTestSupport.clock("2023-09-16T00:00:00");
    run();
    assertThat(status(ref)).isEqualTo(CallStatus.CLOSED);
    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_ORGANISE_JURY);
    assertThat(task()).hasCandidateGroup("instructeurs");
  }

  @Test
  void aCallWithoutApplicationAtClosingEnds() {
    String ref = TestCalls.uniqueReference("AAP-T-VIDE");
    ProcessTestSupport.clock("2023-01-10T10:00:00");
    ProcessInstance pi = publish(TestCalls.single(ref, DecidingBody.COMMISSION_PERMANENTE));
    run();
    assertThat(pi).isWaitingAt(CallProcess.TIMER_LOT_CLOSES);
    assertThat(status(ref)).isEqualTo(CallStatus.OPEN);

    ProcessTestSupport.clock("2023-02-04T00:00:00");
    run();
    assertThat(pi).isEnded().hasPassed(CallProcess.TASK_CLOSE_LOT, CallProcess.CALL_ACTIVITY_CALL_SELECTION);
    assertThat(ProcessTestSupport.selectionActivities(engine, pi))
        .contains(CallProcess.TASK_COUNT_CANDIDATES, CallProcess.END_NO_APPLICATION)
        .doesNotContain(CallProcess.TASK_ORGANISE_JURY);
    assertThat(pi).isEnded();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(CallProcess.END_NO_APPLICATION).count()).isEqualTo(1);
    assertThat(status(ref)).isEqualTo(CallStatus.CLOSED_OUT);
  }

  /** Up to "Établir la synthèse du jury", opinions all in. */
  private ProcessInstance toSynthesis(String ref, CallDefinition definition, List<Candidate> dossiers) {
    ProcessTestSupport.clock("2023-01-10T10:00:00");
    ProcessInstance pi = publish(definition);
    rows.insert(catalog.getByReference(ref), dossiers);
    run();
    ProcessTestSupport.clock("2023-02-04T08:00:00");
    run();
    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_ORGANISE_JURY);
    assertThat(status(ref)).isEqualTo(CallStatus.CLOSED);
    Object proposedMembers = engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, pi).getId(), ProcessContract.VAR_JURY_MEMBERS);
    assertThat(FormValues.strings(proposedMembers)).containsExactly("sophie.dubois", "thomas.leroy");
    complete(task(), withVariables(
        CallProcess.VAR_JURY_SESSION_DATE, "2023-02-20T09:30:00+01:00",
        ProcessContract.VAR_OPINION_DEADLINE, "2023-03-01",
        ProcessContract.VAR_JURY_MEMBERS, Spin.JSON("[\"sophie.dubois\",\"thomas.leroy\",\"nadia.benali\"]")));
    run();
    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_WAIT_OPINIONS);
    assertThat(status(ref)).isEqualTo(CallStatus.IN_SELECTION);
    Long sessionId = (Long) engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, pi).getId(), ProcessContract.VAR_JURY_SESSION_ID);
    JurySession session = sessions.findById(sessionId).orElseThrow();
    assertThat(session.memberIds()).containsExactly("sophie.dubois", "thomas.leroy", "nadia.benali");
    assertThat(session.getOpinionDeadline().toString()).isEqualTo("2023-03-01T23:59:59+01:00");

    engine.getRuntimeService().createMessageCorrelation(ProcessContract.MSG_ALL_OPINIONS_IN)
        .processInstanceBusinessKey(ref).correlate();
    run();
    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_SYNTHESIS);
    return pi;
  }

  private static List<Candidate> twoDossiers(String ref) {
    return List.of(
        candidate(ref, "0002", "UNIQUE", "55.00", "12000.00", "Association Solidarité Habitat 62"),
        candidate(ref, "0001", "UNIQUE", "81.25", "33600.00", "Association Horizon Logement"));
  }

  private JsonNode proposals(ProcessInstance pi) {
    return JsonVariables.tree(engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, pi).getId(), CallProcess.VAR_PROPOSALS));
  }

  private void submitSynthesis(ProcessInstance pi, String firstAmount, boolean grantSecond, String secondAmount) {
    ArrayNode list = (ArrayNode) proposals(pi);
    ((ObjectNode) list.get(0)).put("granted", true).put("proposedAmount", new BigDecimal(firstAmount)).put("proposedUnits", 240);
    ObjectNode second = (ObjectNode) list.get(1);
    second.put("granted", grantSecond).put("proposedAmount", new BigDecimal(secondAmount));
    if (!grantSecond) {
      second.put("reason", "Projet insuffisamment ancré sur le territoire");
    }
    complete(task(), withVariables(CallProcess.VAR_PROPOSALS, Spin.JSON(list.toString())));
    run();
  }

  private void recordDeliberation(String number, boolean adopted) {
    complete(task(), withVariables("deliberationNumber", number, "deliberationDate", "2023-07-03",
        "votesFor", 43, "votesAgainst", 0, "votesAbstention", 0, "votesAbsent", 1,
        CallProcess.VAR_DELIBERATION_ADOPTED, Boolean.toString(adopted)));
    run();
  }

  @Test
  void adoptedDeliberationSendsOneDecisionPerDossierThenTheCallIsClosedOut() {
    String ref = TestCalls.uniqueReference("AAP-T-CP");
    ProcessInstance pi = toSynthesis(ref, TestCalls.single(ref, DecidingBody.COMMISSION_PERMANENTE), twoDossiers(ref));

    JsonNode ranking = proposals(pi);
    assertThat(ranking).hasSize(2);
    assertThat(ranking.get(0).get("applicationReference").asText()).isEqualTo(ref + "-0001");
    assertThat(ranking.get(0).get("recommendation").asText()).isEqualTo("FAVORABLE");
    assertThat(ranking.get(0).get("proposedAmount").decimalValue()).isEqualByComparingTo("33600.00");
    assertThat(ranking.get(1).get("recommendation").asText()).isEqualTo("RESERVE");
    assertThat(ranking.get(1).get("granted").asBoolean()).isFalse();

    submitSynthesis(pi, "33600.00", true, "8400.00");
    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_PREPARE_REPORT);
    assertThat((String) engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, pi).getId(), CallProcess.VAR_PROPOSAL_SUMMARY))
        .contains("2 proposé(s) pour un total de 42 000,00 €");
    complete(task(), withVariables("assemblySessionDate", "2023-07-03", "reportSent", true));
    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_RECORD_DELIBERATION);
    assertThat(task()).hasCandidateGroup("secretariat-assemblee");

    String number = deliberationNumber();
    recordDeliberation(number, true);
    assertThat(pi).isWaitingAt(CallProcess.TASK_FINAL_REVIEW);
    assertThat(status(ref)).isEqualTo(CallStatus.IN_EXECUTION);
    Deliberation d = deliberations.deliberations(ref).get(0);
    assertThat(d.getNumber()).isEqualTo(number);
    assertThat(d.getVotesFor()).isEqualTo(43);
    assertThat(d.getVotesAbsent()).isEqualTo(1);
    List<AwardDecision> awards = deliberations.awards(ref);
    assertThat(awards).extracting(AwardDecision::getApplicationReference).containsExactly(ref + "-0001", ref + "-0002");
    assertThat(awards.get(0).getAmount()).isEqualByComparingTo("33600.00");
    assertThat(awards.get(0).getUnits()).isEqualTo(240);
    assertThat(awards.get(1).getAmount()).hasToString("8400.00");
    assertThat((String) engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, pi).getId(), CallProcess.VAR_REVIEW_SUMMARY))
        .isEqualTo("2 dossier(s) décidé(s) : 2 subvention(s) accordée(s) pour 42 000,00 €, 0 refus. "
            + "Conventions : 0, montant conventionné 0,00 €, versé 0,00 €, reversé 0,00 €. "
            + "Indicateurs : aucun bilan final approuvé.");

    complete(task(), withVariables("reviewComment", "Deux opérateurs retenus, enveloppe consommée."));
    run();
    assertThat(pi).isEnded();
    assertThat(status(ref)).isEqualTo(CallStatus.CLOSED_OUT);
    CallReview review = reviews.findByCallId(catalog.getByReference(ref).getId()).orElseThrow();
    assertThat(review.getTotalGranted()).hasToString("42000.00");
    assertThat(review.getTotalPaid()).hasToString("0.00");
    assertThat(review.getGrantedCount()).isEqualTo(2);
  }

  @Test
  void notAdoptedGoesBackToTheSynthesisThenAdoptedAtALaterSession() {
    String ref = TestCalls.uniqueReference("AAP-T-REPORT");
    ProcessInstance pi = toSynthesis(ref, TestCalls.single(ref, DecidingBody.COMMISSION_PERMANENTE), twoDossiers(ref));
    submitSynthesis(pi, "30000.00", true, "12000.00");
    complete(task(), withVariables("assemblySessionDate", "2023-06-05", "reportSent", true));
    recordDeliberation(deliberationNumber(), false);

    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_SYNTHESIS);
    assertThat(deliberations.awards(ref)).isEmpty();
    assertThat(status(ref)).isEqualTo(CallStatus.IN_SELECTION);

    // later session: the second dossier is refused, the first one keeps 30 000 €
    submitSynthesis(pi, "30000.00", false, "0");
    complete(task(), withVariables("assemblySessionDate", "2023-07-03", "reportSent", true));
    recordDeliberation(deliberationNumber(), true);
    assertThat(pi).isWaitingAt(CallProcess.TASK_FINAL_REVIEW);
    assertThat(deliberations.deliberations(ref)).extracting(Deliberation::isAdopted).containsExactly(false, true);
    List<AwardDecision> awards = deliberations.awards(ref);
    assertThat(awards).extracting(AwardDecision::isGranted).containsExactly(true, false);
    assertThat(awards.get(1).getReason()).isEqualTo("Projet insuffisamment ancré sur le territoire");
    assertThat(awards.get(1).getAmount()).hasToString("0.00");
  }

  @Test
  void aSynthesisAboveTheLotEnvelopeIsRefusedAndShownAgain() {
    String ref = TestCalls.uniqueReference("AAP-T-ENV");
    ProcessInstance pi = toSynthesis(ref, TestCalls.single(ref, DecidingBody.COMMISSION_PERMANENTE), twoDossiers(ref));
    submitSynthesis(pi, "33600.00", true, "12000.00");

    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_SYNTHESIS).hasPassed(CallProcess.TASK_CHECK_ENVELOPE);
    assertThat((String) engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, pi).getId(), CallProcess.VAR_SYNTHESIS_ERROR))
        .isEqualTo("Synthèse refusée : Le total proposé pour le lot « Lot UNIQUE » (45 600,00 €) dépasse "
            + "l'enveloppe du lot (42 000,00 €) de 3 600,00 €.");

    submitSynthesis(pi, "33600.00", true, "8400.00");
    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_PREPARE_REPORT);
    assertThat(engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, pi).getId(), CallProcess.VAR_SYNTHESIS_ERROR)).isNull();
  }

  @Test
  void aDossierProposedAboveItsLotsFixedAmountIsRefusedEvenWithinTheEnvelope() {
    String ref = TestCalls.uniqueReference("AAP-T-FIXE");
    CallDefinition unitPrices = TestCalls.single(ref, DecidingBody.COMMISSION_PERMANENTE);
    CallDefinition.Lot l = unitPrices.lots().get(0);
    // the lot's own rule: 30 000 € per dossier (the call's stays unit prices)
    CallDefinition fixedLot = TestCalls.call(ref, DecidingBody.COMMISSION_PERMANENTE, List.of(new CallDefinition.Lot(l.code(),
        l.label(), l.territories(), l.opensAt(), l.closesAt(), l.conventionStart(), l.conventionEnd(), l.budget(),
        new CallDefinition.Funding(FundingKind.FIXED, new BigDecimal("30000.00"), null, null, null, null), null)));
    ProcessInstance pi = toSynthesis(ref, fixedLot, List.of(
        candidate(ref, "0002", "UNIQUE", "55.00", "12000.00", "Association Solidarité Habitat 62"),
        candidate(ref, "0001", "UNIQUE", "81.25", "30000.00", "Association Horizon Logement")));

    submitSynthesis(pi, "33600.00", true, "8400.00");

    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_SYNTHESIS).hasPassed(CallProcess.TASK_CHECK_ENVELOPE);
    assertThat((String) engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, pi).getId(), CallProcess.VAR_SYNTHESIS_ERROR))
        .isEqualTo("Synthèse refusée : " + ref + "-0001 : le montant proposé (33 600,00 €) dépasse le montant "
            + "forfaitaire par dossier (30 000,00 €).");
    assertThat(proposalsStored(ref)).isZero();

    submitSynthesis(pi, "30000.00", true, "8400.00");
    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_PREPARE_REPORT);
  }

  private long proposalsStored(String ref) {
    return selection.proposals(ref).size();
  }

  @Test
  void thePrefetDecidesAStateRunCallAndOpinionsAreRemindedThenDue() throws Exception {
    String ref = TestCalls.uniqueReference("AMI-T-PREFET");
    ProcessTestSupport.clock("2023-01-10T10:00:00");
    ProcessInstance pi = publish(TestCalls.single(ref, DecidingBody.PREFET));
    rows.insert(catalog.getByReference(ref), twoDossiers(ref));
    ProcessTestSupport.clock("2023-02-04T08:00:00");
    run();
    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_ORGANISE_JURY);
    assertThat(engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, pi).getId(), CallProcess.VAR_DECIDING_BODY)).isEqualTo("PREFET");
    complete(task(), withVariables(CallProcess.VAR_JURY_SESSION_DATE, "2023-02-20T09:30",
        ProcessContract.VAR_OPINION_DEADLINE, "2023-03-01", ProcessContract.VAR_JURY_MEMBERS, Spin.JSON("[\"sophie.dubois\"]")));
    run();
    Long sessionId = (Long) engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, pi).getId(), ProcessContract.VAR_JURY_SESSION_ID);

    // two days before the deadline the members are reminded; at the deadline the synthesis starts
    ProcessTestSupport.clock("2023-02-27T23:59:59");
    run();
    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_WAIT_OPINIONS)
        .hasPassed(CallProcess.TASK_REMIND_JURY, CallProcess.TASK_SEND_JURY_REMINDERS);
    assertThat(sessions.findById(sessionId).orElseThrow().getReminderSentAt()).isNotNull();
    // the reminder is a stored notification, sent by SMTP through the notification send step
    String email = engine.getIdentityService().createUserQuery().userId("sophie.dubois").singleResult().getEmail();
    List<Notification> reminders = notifications.findAll().stream()
        .filter(n -> n.getKind() == NotificationKind.JURY_REMINDER && n.getSubject().contains(ref)).toList();
    assertThat(reminders).singleElement().satisfies(n -> {
      assertThat(n.getRecipient()).isEqualTo(email);
      assertThat(n.getSubject()).isEqualTo("Appel " + ref + " : vos avis sont attendus");
      assertThat(n.getStatus()).isEqualTo(NotificationStatus.SENT);
    });
    List<MimeMessage> mails = TestMailServer.messagesTo(email).stream()
        .filter(m -> subject(m).equals("Appel " + ref + " : vos avis sont attendus")).toList();
    assertThat(mails).hasSize(1);
    String deadline = fr.pasdecalais.habitat.aap.shared.ParisDateTime.french(
        sessions.findById(sessionId).orElseThrow().getOpinionDeadline());
    assertThat(((String) mails.get(0).getContent()).replace("\r\n", "\n").trim()).isEqualTo("Bonjour,\n\n"
        + "Les avis du jury sur les dossiers de l'appel " + ref + " sont attendus au plus tard le " + deadline
        + ". Retrouvez les dossiers dans Tasklist.\n\nLe service des politiques sociales du logement et de l'habitat");
    ProcessTestSupport.clock("2023-03-02T00:00:00");
    run();
    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_SYNTHESIS);

    submitSynthesis(pi, "33600.00", false, "0");
    // the State's tasks, not the assembly's: a proposal to the Préfet, then his decision, recorded by the prefecture
    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_PREPARE_PREFECT_PROPOSAL);
    complete(task(), withVariables(CallProcess.VAR_PREFECT_PROPOSAL_DATE, "2023-04-05", CallProcess.VAR_PREFECT_PROPOSAL_SENT, true));
    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_RECORD_PREFECT_DECISION);
    assertThat(task()).hasCandidateGroup("prefecture");
    // a Préfet's decision without its reference is refused and shown again
    complete(task(), withVariables("deliberationDate", "2023-04-12", CallProcess.VAR_DELIBERATION_ADOPTED, "true"));
    run();
    assertThat(ProcessTestSupport.selection(engine, pi)).isWaitingAt(CallProcess.TASK_RECORD_PREFECT_DECISION).hasNotPassed(CallProcess.TASK_PREPARE_REPORT,
        CallProcess.TASK_RECORD_DELIBERATION);
    assertThat((String) engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, pi).getId(), CallProcess.VAR_DELIBERATION_ERROR))
        .isEqualTo("La référence de la décision du Préfet est obligatoire.");
    complete(task(), withVariables("decisionReference", "DDETS-62-2023-041", "deliberationDate", "2023-04-12",
        CallProcess.VAR_DELIBERATION_ADOPTED, "true"));
    run();
    assertThat(pi).isWaitingAt(CallProcess.TASK_FINAL_REVIEW);
    Deliberation d = deliberations.deliberations(ref).get(0);
    assertThat(d.getDecidingBody()).isEqualTo(DecidingBody.PREFET);
    assertThat(d.getNumber()).isNull();
    assertThat(d.frenchLabel()).isEqualTo("décision du Préfet réf. DDETS-62-2023-041 du 12/04/2023");
    assertThat(deliberations.awards(ref)).extracting(AwardDecision::isGranted).containsExactly(true, false);
    assertThat(deliberations.awards(ref)).extracting(AwardDecision::getDecidingBody).containsOnly(DecidingBody.PREFET);
  }
}
