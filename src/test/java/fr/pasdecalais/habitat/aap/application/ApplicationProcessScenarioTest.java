package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.pasdecalais.habitat.aap.agreement.AgreementScenarios;
import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.JurySession;
import fr.pasdecalais.habitat.aap.call.JurySessionRepository;
import fr.pasdecalais.habitat.aap.decision.AwardDecision;
import fr.pasdecalais.habitat.aap.decision.AwardDecisions;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.jury.JuryOpinion;
import fr.pasdecalais.habitat.aap.jury.JuryService;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import fr.pasdecalais.habitat.aap.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One scenario per path of a dossier, from submission to its end, on the real models, services and SMTP. */
@SpringScenarioTest
class ApplicationProcessScenarioTest {

  String MEMBER_A;
  String MEMBER_B;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;
  @Autowired ApplicationService service;
  @Autowired Withdrawals withdrawals;
  @Autowired ApplicationRepository applications;
  @Autowired RegularizationRequestRepository regularizations;
  @Autowired DocumentService documents;
  @Autowired JuryService jury;
  @Autowired ApplicationAccess access;
  @Autowired IdentitySetup identitySetup;
  @Autowired AgreementScenarios agreements;
  @Autowired JurySessionRepository sessions;
  @Autowired AwardDecisions awards;

  Dossiers dossiers;
  CallForProjects call;
  String email;

  @BeforeEach
  void setUp() {
    ProcessTestSupport.init(engine);
    dossiers = new Dossiers(catalog, reader, service);
    call = dossiers.call(true);
    email = Dossiers.email();
    MEMBER_A = call.getJury().get(0).getUserId();
    MEMBER_B = call.getJury().get(1).getUserId();
    identitySetup.ensureUser(MEMBER_A, "Sophie", "Dubois", "demo", Groups.JURY);
    identitySetup.ensureUser(MEMBER_B, "Thomas", "Leroy", "demo", Groups.JURY);
    deployCallStandIn();
    clock("2023-04-10T10:00:00");
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @Test
  void lateDossierIsIrrecevableNotifiedAndTellsTheCallItsLastDossierEnded() {
    ProcessInstance callStandIn = startCallInExecutionStandIn();
    clock("2023-06-01T08:30:00");

    ApplicationService.Submission s = dossiers.submit(call, email, true);
    ProcessInstance pi = instance(s);
    executeDueJobs(engine);

    assertThat(s.late()).isTrue();
    assertThat(pi).isEnded().hasPassed("Task_DeclareLate", "SendTask_NotifyLate", END_LATE).hasNotPassed(CALL_INSTRUCTION);
    assertThat(state(s)).isEqualTo(ApplicationState.LATE);
    assertThat(mails()).singleElement().satisfies(m -> {
      assertThat(m.getSubject()).contains("irrecevable (hors délai)");
      assertThat(body(m)).contains("reçue le 01/06/2023 à 08h30").contains("fixée au 31/05/2023 à 23h59");
    });
    assertThat(callStandIn).hasPassed("Event_ApplicationEnded");
  }

  @Test
  void submissionBeforeTheOpeningIsRefused() {
    clock("2023-03-31T23:59:00");
    assertThatThrownBy(() -> dossiers.submit(call, email, true))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("n'est pas encore ouvert").hasMessageContaining("01/04/2023 à 00h00");
    assertThat(applications.findByCallReferenceOrderByReference(call.getReference())).isEmpty();
  }

  @Test
  void incompleteThenRegularisedThenComplete() {
    ApplicationService.Submission s = dossiers.submit(call, email, true);
    ProcessInstance pi = instance(s);
    assertThat(pi).isWaitingAt(CALL_INSTRUCTION);
    ProcessInstance instruction = instruction(pi);
    assertThat(instruction).isWaitingAt(TASK_CHECK_COMPLETENESS);
    assertThat((String) runtime.getVariable(instruction.getId(), "piecesReceivedText")).contains("✘ **Budget prévisionnel de l'action** : non reçue");

    askForPieces(s, "BUDGET");
    assertThat(instruction).isWaitingAt(TASK_AWAIT_PIECES);
    assertThat(state(s)).isEqualTo(ApplicationState.REGULARIZATION);
    assertThat(mails()).singleElement().satisfies(m -> {
      assertThat(m.getSubject()).endsWith("pièces à régulariser");
      assertThat(body(m)).contains("Budget prévisionnel de l'action").contains("jusqu'au 31/05/2023 à 23h59")
          .contains("Tout dossier incomplet à cette date sera rejeté");
    });

    // the applicant uploads the missing piece: the dossier goes back to the completeness check
    documents.upload(s.application().getReference(), "BUDGET", "budget-2023.pdf", pdf(), Dossiers.AGENT);
    assertThat(instruction).isWaitingAt(TASK_CHECK_COMPLETENESS);
    assertThat((String) runtime.getVariable(instruction.getId(), "piecesReceivedText")).contains("✔ **Budget prévisionnel de l'action** : [budget-2023.pdf]");

    completeAs("julien.bernard", task(s, TASK_CHECK_COMPLETENESS), Map.of("complete", "true"));
    executeDueJobs(engine);

    assertThat(instruction).isWaitingAt(TASK_CHECK_ELIGIBILITY);
    assertThat(state(s)).isEqualTo(ApplicationState.COMPLETE);
    assertThat(regularizations.findByApplicationIdOrderByRequestedAtAscIdAsc(s.application().getId()))
        .singleElement().satisfies(r -> {
          assertThat(r.getStatus()).isEqualTo(RegularizationRequest.Status.ANSWERED);
          assertThat(r.getDocumentTypes()).containsExactly("BUDGET");
          assertThat(r.getDeadline()).isEqualTo(call.getLots().get(0).getClosesAt().toInstant());
        });
  }

  @Test
  void incompleteUntilTheCallClosesIsRejected() {
    ApplicationService.Submission s = dossiers.submit(call, email, true);
    ProcessInstance pi = instance(s);
    ProcessInstance instruction = instruction(pi);
    askForPieces(s, "BUDGET", "AGREMENT");

    // the call process tells every dossier of the lot waiting for pieces that the deadline passed
    clock("2023-06-01T00:00:00");
    runtime.createMessageCorrelation(MSG_DEADLINE_PASSED)
        .processInstanceVariableEquals(VAR_CALL_REFERENCE, call.getReference())
        .processInstanceVariableEquals(VAR_LOT_CODE, "UNIQUE")
        .correlateAllWithResult();
    executeDueJobs(engine);

    assertThat(instruction).isEnded().hasPassed("Boundary_DeadlinePassed", "Task_RejectIncomplete", END_REJECTED_INCOMPLETE);
    assertThat(pi).isEnded().hasPassed(END_NOT_RETAINED);
    assertThat(state(s)).isEqualTo(ApplicationState.REJECTED_INCOMPLETE);
    assertThat(regularizations.findByApplicationIdOrderByRequestedAtAscIdAsc(s.application().getId()))
        .extracting(RegularizationRequest::getStatus).containsExactly(RegularizationRequest.Status.EXPIRED);
    assertThat(mails()).extracting(MimeMessage::getSubject)
        .anySatisfy(subject -> assertThat(subject).endsWith("rejeté (dossier incomplet)"));
  }

  @Test
  void incompleteWithoutAnyMessageIsRejectedByTheDeadlineTimer() {
    ApplicationService.Submission s = dossiers.submit(call, email, true);
    ProcessInstance pi = instance(s);
    ProcessInstance instruction = instruction(pi);
    askForPieces(s, "PROJET");

    clock("2023-05-31T23:59:00");
    executeDueJobs(engine);
    assertThat(instruction).isWaitingAt(TASK_AWAIT_PIECES);

    clock("2023-06-01T00:00:00");
    executeDueJobs(engine);
    assertThat(instruction).isEnded().hasPassed("Boundary_RegularizationDeadline", END_REJECTED_INCOMPLETE);
    assertThat(pi).isEnded();
    assertThat(state(s)).isEqualTo(ApplicationState.REJECTED_INCOMPLETE);
  }

  @Test
  void ineligibleDossierIsRejectedWithTheReason() {
    ApplicationService.Submission s = dossiers.submit(call, email, false);
    ProcessInstance pi = instance(s);
    ProcessInstance instruction = instruction(pi);
    completeAs("camille.martin", task(s, TASK_CHECK_COMPLETENESS), Map.of("complete", "true"));
    executeDueJobs(engine);

    assertThat(instruction).isWaitingAt(TASK_CHECK_ELIGIBILITY);
    assertThat(runtime.getVariable(instruction.getId(), "autoEligible")).isEqualTo(false);
    assertThat((String) runtime.getVariable(instruction.getId(), "eligibilityChecks"))
        .contains("✔ Type de porteur").contains("✘ Agrément manquant : " + Dossiers.AGREMENT).contains("✔ Territoire : LENS_HENIN");

    completeAs("camille.martin", task(s, TASK_CHECK_ELIGIBILITY),
        Map.of("eligible", "false", "eligibilityReason", "Agrément L.365-1 CCH non détenu par l'organisme."));
    executeDueJobs(engine);

    assertThat(instruction).isEnded().hasPassed("SendTask_NotifyIneligible", END_INELIGIBLE);
    assertThat(pi).isEnded().hasPassed(END_NOT_RETAINED).hasNotPassed(EVENT_JURY_CONVENED);
    Application a = applications.findByReference(s.application().getReference()).orElseThrow();
    assertThat(a.getState()).isEqualTo(ApplicationState.INELIGIBLE);
    assertThat(a.getEligibilityReason()).isEqualTo("Agrément L.365-1 CCH non détenu par l'organisme.");
    assertThat(mails()).singleElement().satisfies(m -> {
      assertThat(m.getSubject()).endsWith("candidature inéligible");
      assertThat(body(m)).contains("Motif : Agrément L.365-1 CCH non détenu par l'organisme.");
    });
  }

  @Test
  void memberWithAConflictOfInterestAbstainsAndIsNotCounted() {
    ApplicationService.Submission s = eligibleDossier();
    ProcessInstance pi = instance(s);
    convenesJury(Date.from(LocalDateTime.parse("2023-09-25T12:00:00").atZone(ProcessTestSupport.PARIS).toInstant()));

    completeAs(MEMBER_A, juryTask(s, MEMBER_A, "Task_DeclareConflict"),
        Map.of("conflictOfInterest", true, "conflictReason", "Administratrice de l'association."));
    executeDueJobs(engine);
    assertThat(jury.progress(s.application().getId())).isEqualTo("1 avis sur 2");
    assertThat(tasks.createTaskQuery().taskAssignee(MEMBER_A).processInstanceBusinessKey(s.application().getReference()).count()).isZero();

    // the reminder goes to the member still expected, two days before the deadline
    clock("2023-09-23T12:00:00");
    executeDueJobs(engine);
    assertThat(TestMailServer.messagesTo(MEMBER_B + "@demo.pasdecalais.invalid"))
        .anySatisfy(m -> assertThat(m.getSubject()).isEqualTo("Rappel : avis attendu sur le dossier " + s.application().getReference()));

    giveOpinion(s, MEMBER_B, 5, 4, 3, 2, "FAVORABLE_AVEC_RESERVES");
    executeDueJobs(engine);

    assertThat(pi).isWaitingAt(EVENT_DECISION);
    List<JuryOpinion> opinions = jury.opinions(s.application().getId());
    assertThat(opinions).extracting(JuryOpinion::getMemberId, JuryOpinion::getStatus).containsExactly(
        org.assertj.core.groups.Tuple.tuple(MEMBER_A, JuryOpinion.Status.ABSTAINED),
        org.assertj.core.groups.Tuple.tuple(MEMBER_B, JuryOpinion.Status.SUBMITTED));
    assertThat(opinions.get(0).getConflictReason()).isEqualTo("Administratrice de l'association.");
    // 25×5/5 + 30×4/5 + 25×3/5 + 20×2/5 = 72, the only opinion that counts
    assertThat(applications.findByReference(s.application().getReference()).orElseThrow().getWeightedScore())
        .isEqualByComparingTo(new BigDecimal("72.00"));
    assertThat(jury.progress(s.application().getId())).isEqualTo("2 avis sur 2");
  }

  @Test
  void grantedDossierIsNotifiedWithTheAmountAndEndsGranted() {
    ProcessInstance callStandIn = startCallStandIn();
    ApplicationService.Submission s = eligibleDossier();
    ProcessInstance pi = instance(s);
    convenesJury(Date.from(LocalDateTime.parse("2023-09-25T12:00:00").atZone(ProcessTestSupport.PARIS).toInstant()));

    giveOpinion(s, MEMBER_A, 5, 4, 3, 2, "FAVORABLE");
    executeDueJobs(engine);
    assertThat(jury.progress(s.application().getId())).isEqualTo("1 avis sur 2");
    assertThat(callStandIn).isWaitingAt("Event_AllOpinionsIn");
    // an opinion once submitted is locked
    assertThatThrownBy(() -> jury.submit(s.application().getId(), MEMBER_A, Map.of("RESEAU", 1), JuryOpinion.Avis.DEFAVORABLE, "autre"))
        .isInstanceOf(JuryOpinion.OpinionLockedException.class).hasMessageContaining("ne peut plus être modifié");

    giveOpinion(s, MEMBER_B, 4, 4, 4, 4, "FAVORABLE");
    executeDueJobs(engine);

    assertThat(pi).isWaitingAt(EVENT_DECISION);
    assertThat(applications.findByReference(s.application().getReference()).orElseThrow().getWeightedScore())
        .isEqualByComparingTo(new BigDecimal("76.00")); // (72 + 80) / 2
    assertThat(callStandIn).hasPassed("Event_AllOpinionsIn").isWaitingAt("Event_ApplicationEnded");

    // the deliberation's award, as the call process records it before telling the dossier
    AwardDecision award = awards.grant(s.application(), new BigDecimal("42000.00"), 20, java.time.LocalDate.of(2023, 7, 3));
    runtime.createMessageCorrelation(MSG_DECISION).processInstanceBusinessKey(s.application().getReference())
        .setVariable(VAR_GRANTED, true).setVariable(VAR_AWARD_DECISION_ID, award.getId())
        .setVariable(VAR_DECISION_LABEL, "Subvention de 33 600,00 € accordée (CP du 03/07/2023, délibération n° 2023-326)")
        .correlateWithResult();
    executeDueJobs(engine);

    // the convention continues in the call activity, with the dossier's business key and variables
    assertThat(pi).hasPassed("SendTask_NotifyGrant").isWaitingAt("CallActivity_GrantAgreement");
    ProcessInstance agreement = runtime.createProcessInstanceQuery().processDefinitionKey(GrantAgreementProcess.KEY)
        .processInstanceBusinessKey(s.application().getReference()).singleResult();
    assertThat(agreement).isWaitingAt(GrantAgreementProcess.TASK_PREPARE).variables()
        .containsEntry("applicationId", s.application().getId()).containsEntry("callReference", s.application().getCallReference())
        .containsEntry("reference", s.application().getReference()).containsEntry("lotCode", s.application().getLotCode());
    Application a = applications.findByReference(s.application().getReference()).orElseThrow();
    assertThat(a.getState()).isEqualTo(ApplicationState.GRANTED);
    assertThat(a.getAwardDecisionId()).isEqualTo(award.getId());
    assertThat(mails()).singleElement().satisfies(m -> {
      assertThat(m.getSubject()).endsWith("subvention accordée");
      assertThat(body(m)).contains("Subvention de 33 600,00 € accordée").contains("Montant demandé : 42 000,00 €")
          .contains("Unités demandées : 20");
    });
    assertThat(callStandIn).isNotEnded();

    // the convention is signed, paid, reported on and settled: then the dossier ends granted
    clock("2023-10-25T10:00:00");
    agreements.prepare(agreement, "42000", "20 mesures de 12 mois", "2023-10-02");
    agreements.sign(agreement, "2023-10-20", "2023-10-24");
    agreements.mandate(agreement, "Task_ValidateAdvanceMandate", "2023-10-25", "M-2023-0001");
    clock("2024-12-16T10:00:00");
    agreements.finalReport(agreement, "2024-12-15", true);
    agreements.serviceRendered(agreement, Map.of("MESURE_MOIS", 240, "DIAGNOSTIC", 0), "2024-12-16");
    agreements.mandate(agreement, "Task_ValidateBalanceMandate", "2024-12-16", "M-2024-0002");
    assertThat(agreement).isEnded().hasPassed(GrantAgreementProcess.END_CLOSED);
    assertThat(pi).isEnded().hasPassed("CallActivity_GrantAgreement", END_GRANTED);
    assertThat(agreements.payments(agreements.agreementIdOf(s.application().getReference())))
        .extracting(p -> p.getAmount().toPlainString()).containsExactly("33600.00", "8400.00");
    assertThat(callStandIn).isEnded();
  }

  @Test
  void refusedDossierIsNotifiedWithTheReason() {
    ApplicationService.Submission s = eligibleDossier();
    ProcessInstance pi = instance(s);
    convenesJury(Date.from(LocalDateTime.parse("2023-09-25T12:00:00").atZone(ProcessTestSupport.PARIS).toInstant()));
    giveOpinion(s, MEMBER_A, 1, 1, 1, 1, "DEFAVORABLE");
    giveOpinion(s, MEMBER_B, 2, 1, 0, 0, "DEFAVORABLE");
    executeDueJobs(engine);
    assertThat(pi).isWaitingAt(EVENT_DECISION);

    runtime.createMessageCorrelation(MSG_DECISION).processInstanceBusinessKey(s.application().getReference())
        .setVariable(VAR_GRANTED, false)
        .setVariable(VAR_DECISION_LABEL, "Classement insuffisant : enveloppe épuisée")
        .correlateWithResult();
    executeDueJobs(engine);

    assertThat(pi).isEnded().hasPassed("SendTask_NotifyRefusal", END_REFUSED).hasNotPassed(END_GRANTED);
    assertThat(state(s)).isEqualTo(ApplicationState.REFUSED);
    assertThat(mails()).singleElement().satisfies(m -> {
      assertThat(m.getSubject()).endsWith("décision de l'appel à projets");
      assertThat(body(m)).contains("n'a pas été retenue").contains("Motif : Classement insuffisant : enveloppe épuisée");
    });
  }

  @Test
  void withdrawalCancelsOpenTasksAndEndsTheDossier() {
    ApplicationService.Submission s = dossiers.submit(call, email, true);
    ProcessInstance pi = instance(s);
    ProcessInstance instruction = instruction(pi);
    assertThat(instruction).isWaitingAt(TASK_CHECK_COMPLETENESS);

    withdrawals.withdraw(s.application().getReference(), "Projet reporté à 2024", Dossiers.AGENT, access);
    executeDueJobs(engine);

    assertThat(pi).isEnded().hasPassed("StartEvent_Withdrawal", "Task_RecordWithdrawal", END_WITHDRAWN);
    assertThat(instruction).isEnded();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(s.application().getReference()).count()).isZero();
    Application a = applications.findByReference(s.application().getReference()).orElseThrow();
    assertThat(a.getState()).isEqualTo(ApplicationState.WITHDRAWN);
    assertThat(a.getWithdrawalReason()).isEqualTo("Projet reporté à 2024");
    assertThat(mails()).singleElement().satisfies(m -> assertThat(body(m)).contains("Motif indiqué : Projet reporté à 2024"));
    // no second withdrawal, nor after the end
    assertThatThrownBy(() -> withdrawals.withdraw(s.application().getReference(), null, Dossiers.AGENT, access))
        .isInstanceOf(DomainException.class).hasMessageContaining("Désistement");
  }

  @Test
  void duplicateDossierOnTheSameLotIsRefusedUnlessTheCallAllowsSeveral() {
    CallForProjects single = dossiers.call(false);
    String siret = Dossiers.siret();
    service.submit(single.getReference(), Dossiers.request(siret, email, true, List.of("ARTOIS")), Dossiers.AGENT);
    assertThatThrownBy(() -> service.submit(single.getReference(), Dossiers.request(siret, email, true, List.of("ARTOIS")), Dossiers.AGENT))
        .isInstanceOf(DomainException.class).hasMessageContaining("a déjà un dossier en cours");
    // the ASTRE-like call of the other tests admits several dossiers per applicant
    service.submit(call.getReference(), Dossiers.request(siret, email, true, List.of("ARTOIS")), Dossiers.AGENT);
    service.submit(call.getReference(), Dossiers.request(siret, email, true, List.of("ARTOIS")), Dossiers.AGENT);
    assertThat(applications.findByCallReferenceOrderByReference(call.getReference())).hasSize(2)
        .extracting(Application::getReference).containsExactly(call.getReference() + "-0001", call.getReference() + "-0002");
  }

  // ------------------------------------------------------------------ helpers

  private ApplicationService.Submission eligibleDossier() {
    ApplicationService.Submission s = dossiers.submit(call, email, true);
    completeAs("camille.martin", task(s, TASK_CHECK_COMPLETENESS), Map.of("complete", "true"));
    executeDueJobs(engine);
    completeAs("camille.martin", task(s, TASK_CHECK_ELIGIBILITY), Map.of("eligible", "true"));
    executeDueJobs(engine);
    assertThat(instance(s)).isWaitingAt(EVENT_JURY_CONVENED);
    assertThat(state(s)).isEqualTo(ApplicationState.ELIGIBLE);
    return s;
  }

  /** A session of the call with its first two jury members, recorded as "Convoquer le jury" does, then the message. */
  private void convenesJury(Date deadline) {
    JurySession session = sessions.save(new JurySession(call, deadline.toInstant().plusSeconds(86400).atOffset(java.time.ZoneOffset.UTC),
        deadline.toInstant().atOffset(java.time.ZoneOffset.UTC), call.getJury().subList(0, 2), "camille.martin",
        ProcessTestSupport.now()));
    runtime.createMessageCorrelation(MSG_JURY_CONVENED)
        .processInstanceVariableEquals(VAR_CALL_REFERENCE, call.getReference())
        .setVariable(VAR_JURY_MEMBERS, new ArrayList<>(List.of(MEMBER_A, MEMBER_B)))
        .setVariable(VAR_OPINION_DEADLINE, deadline)
        .setVariable(VAR_JURY_SESSION_ID, session.getId())
        .correlateAllWithResult();
    executeDueJobs(engine);
  }

  private void giveOpinion(ApplicationService.Submission s, String member, int s1, int s2, int s3, int s4, String avis) {
    completeAs(member, juryTask(s, member, "Task_DeclareConflict"), Map.of("conflictOfInterest", false));
    Task opinion = juryTask(s, member, "Task_GiveOpinion");
    assertThat((String) tasks.getVariable(opinion.getId(), "criterion1Label"))
        .isEqualTo("Inscription dans le réseau territorial et départemental (note de 0 à 5, pondération 25 %)");
    // the form's limit for the score (give-opinion.form: "max": "=criterion1Max"), the scale of the criterion
    assertThat(tasks.getVariable(opinion.getId(), "criterion1Max")).isEqualTo(5);
    Map<String, Object> vars = new HashMap<>(Map.of("score1", s1, "score2", s2, "score3", s3, "score4", s4));
    vars.put("avis", avis);
    vars.put("opinionComment", "Avis de " + member);
    completeAs(member, opinion, vars);
  }

  private void askForPieces(ApplicationService.Submission s, String... pieces) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < pieces.length; i++) {
      json.append(i > 0 ? "," : "").append('"').append(pieces[i]).append('"');
    }
    completeAs("camille.martin", task(s, TASK_CHECK_COMPLETENESS), Map.of("complete", "false",
        "missingPieces", SpinValues.jsonValue(json.append("]").toString()).create(),
        "missingReason", "MISSING", "completenessComment", "Pièce absente du dossier reçu."));
    executeDueJobs(engine);
  }

  /** The dossier's process instance, taken while it runs (camunda-bpm-assert follows it into history). */
  private ProcessInstance instance(ApplicationService.Submission s) {
    ProcessInstance pi = runtime.createProcessInstanceQuery()
        .processInstanceId(applications.findByReference(s.application().getReference()).orElseThrow().getProcessInstanceId())
        .singleResult();
    assertThat(pi).as("instance en cours").isNotNull();
    return pi;
  }

  private ProcessInstance instruction(ProcessInstance pi) {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
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

  private List<MimeMessage> mails() {
    return TestMailServer.messagesTo(email);
  }

  private static String body(MimeMessage m) {
    try {
      return m.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Stand-ins for the call process (tested on its own branch): they wait for the messages a dossier
   * sends to its call, so that the tests see them arrive.
   */
  private void deployCallStandIn() {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("Process_CallStandIn").count() > 0) {
      return;
    }
    engine.getRepositoryService().createDeployment().name("call-stand-in")
        .addModelInstance("call-stand-in.bpmn", Bpmn.createExecutableProcess("Process_CallStandIn")
            .name("Appel (doublure de test)").camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Call").name("Appel")
            .intermediateCatchEvent("Event_AllOpinionsIn").name("Tous les avis rendus").message(MSG_ALL_OPINIONS_IN)
            .intermediateCatchEvent("Event_ApplicationEnded").name("Dossiers terminés").message(MSG_APPLICATION_ENDED)
            .endEvent("EndEvent_Call").name("Fin")
            .done())
        .addModelInstance("call-in-execution-stand-in.bpmn", Bpmn.createExecutableProcess("Process_CallInExecutionStandIn")
            .name("Appel en exécution (doublure de test)").camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Call").name("Appel")
            .intermediateCatchEvent("Event_ApplicationEnded").name("Dossiers terminés").message(MSG_APPLICATION_ENDED)
            .endEvent("EndEvent_Call").name("Fin")
            .done())
        .deploy();
  }

  private ProcessInstance startCallStandIn() {
    return runtime.startProcessInstanceByKey("Process_CallStandIn", call.getReference());
  }

  private ProcessInstance startCallInExecutionStandIn() {
    return runtime.startProcessInstanceByKey("Process_CallInExecutionStandIn", call.getReference());
  }
}
