package fr.pasdecalais.habitat.aap.completion;

import fr.pasdecalais.habitat.aap.application.process.MembershipProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.application.Dossiers;
import fr.pasdecalais.habitat.aap.application.process.MembershipProcess;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRefusedException;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRegistry;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
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

/**
 * "No value a person can type may produce an incident": for every user task, invalid values
 * submitted through the engine REST door are refused with 400 and a French message naming the
 * field, before the engine — the task stays open, no incident, no failed job. Each task is reached
 * in its real deployed model (with its real form), started right before it with the context its
 * rules read; the jury tasks and the completeness check on a real dossier.
 */
@SpringScenarioTest
class CompletionRulesTest {

  static final String PASSWORD = "Mot-de-passe-essai-1";
  static final String AGENT = "cr.instructeur";
  static final String FINANCE = "cr.finances";
  static final String SECRETARY = "cr.secretariat";
  /** "Traiter le retard du bilan final" is offered to the superviseurs, who complete it in Tasklist. */
  static final String SUPERVISOR = "cr.superviseur";
  static final String ADMIN = "cr.admin";
  static final String JUROR = "cr.jure";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired IdentitySetup identity;
  @Autowired CompletionRegistry registry;
  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;
  @Autowired ApplicationService applications;
  @Autowired fr.pasdecalais.habitat.aap.agreement.AgreementScenarios agreements;
  @Autowired fr.pasdecalais.habitat.aap.reporting.ReportingService reporting;

  @BeforeEach
  void users() {
    ProcessTestSupport.resetClock();
    identity.ensureUser(AGENT, "Agnès", "Règles", PASSWORD, Groups.INSTRUCTEURS);
    identity.ensureUser(FINANCE, "Fanny", "Règles", PASSWORD, Groups.FINANCES);
    identity.ensureUser(SECRETARY, "Serge", "Règles", PASSWORD, Groups.SECRETARIAT);
    identity.ensureUser(ADMIN, "Adam", "Règles", PASSWORD, Groups.ADMIN);
    identity.ensureUser(SUPERVISOR, "Sarah", "Règles", PASSWORD, Groups.SUPERVISEURS);
    identity.ensureUser(JUROR, "Jules", "Règles", PASSWORD, Groups.JURY);
  }

  /** The instances started right before a task: deleted, so that their timers never run in another test. */
  private final List<String> started = new java.util.ArrayList<>();

  @AfterEach
  void clock() {
    ProcessTestSupport.resetClock();
    started.forEach(id -> {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        engine.getRuntimeService().deleteProcessInstance(id, "fin du test", true, true);
      }
    });
  }

  @Test
  void everyUserTaskOfTheModelsHasCompletionRules() {
    List<String> userTasks = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list().stream()
        .filter(d -> List.of(CallProcess.KEY, CallProcess.SELECTION_KEY, GrantAgreementProcess.KEY, ApplicationProcess.INSTRUCTION_KEY,
            "jury-opinion", MembershipProcess.KEY, ApplicationProcess.KEY).contains(d.getKey()))
        .flatMap(d -> {
          BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(d.getId());
          return model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId);
        }).distinct().sorted().toList();
    assertThat(userTasks).hasSize(26);
    assertThat(registry.taskKeys()).containsExactlyInAnyOrderElementsOf(userTasks);
  }

  // ------------------------------------------------------------------ the three cases of the issue

  @Test
  void aScoreOfSixOnACriterionScaledZeroToFiveIsRefusedAtTheDoor() {
    Task task = giveOpinionTask();
    ResponseEntity<String> response = complete(JUROR, task, """
        {"variables": {"score1": {"value": 6, "type": "Long"}, "score2": {"value": 3, "type": "Long"},
         "score3": {"value": 3, "type": "Long"}, "score4": {"value": 3, "type": "Long"},
         "avis": {"value": "FAVORABLE", "type": "String"}, "opinionComment": {"value": "Bon projet", "type": "String"}}}""");
    assertRefused(response, task, "score1", "doit être compris entre 0 et 5 (6 saisi)");
  }

  @Test
  void anEmptyJuryMemberListIsRefusedInsideTheEngineTooWithoutIncident() {
    Task task = at(CallProcess.SELECTION_KEY, CallProcess.TASK_ORGANISE_JURY, Map.of());
    Map<String, Object> values = new HashMap<>();
    values.put("jurySessionDate", EngineClock.today().plusDays(20) + "T09:30:00+02:00");
    values.put("opinionDeadline", EngineClock.today().plusDays(10).toString());
    values.put("juryMembers", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[]").create());
    engine.getIdentityService().setAuthentication(AGENT, List.of(Groups.INSTRUCTEURS));
    try {
      assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), values))
          .hasStackTraceContaining(CompletionRefusedException.class.getName())
          .hasStackTraceContaining("Choisissez au moins un membre du jury.");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertStillOpen(task);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId()).count())
        .as("no job for « Convoquer le jury »").isZero();
  }

  @Test
  void anEmptyJuryMemberListIsRefusedAtTheDoor() {
    Task task = at(CallProcess.SELECTION_KEY, CallProcess.TASK_ORGANISE_JURY, Map.of());
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"jurySessionDate": {"value": "%s", "type": "String"},
         "opinionDeadline": {"value": "%s", "type": "String"},
         "juryMembers": {"value": "[]", "type": "Json"}}}""".formatted(
        EngineClock.today().plusDays(20) + "T09:30:00+02:00", EngineClock.today().plusDays(10)));
    assertRefused(response, task, "juryMembers", "Choisissez au moins un membre du jury.");
  }

  @Test
  void aJuryMemberOutsideTheJuryGroupIsRefused() {
    Task task = at(CallProcess.SELECTION_KEY, CallProcess.TASK_ORGANISE_JURY, Map.of());
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"jurySessionDate": {"value": "%s", "type": "String"},
         "opinionDeadline": {"value": "%s", "type": "String"},
         "juryMembers": {"value": "[\\"%s\\"]", "type": "Json"}}}""".formatted(
        EngineClock.today().plusDays(20) + "T09:30:00+02:00", EngineClock.today().plusDays(10), FINANCE));
    assertRefused(response, task, "juryMembers", "n'est pas membre du groupe jury");
  }

  @Test
  void aDeliberationAdoptedWithMoreVotesAgainstIsRefused() {
    Task task = at(CallProcess.SELECTION_KEY, CallProcess.TASK_RECORD_DELIBERATION, Map.of(CallProcess.VAR_DECIDING_BODY,
        "COMMISSION_PERMANENTE"));
    ResponseEntity<String> response = complete(SECRETARY, task, deliberation(3, 10, "true"));
    assertRefused(response, task, "votesFor", "une délibération adoptée a plus de votes pour (3) que contre (10)");
  }

  @Test
  void aNegativeVoteCountIsRefused() {
    Task task = at(CallProcess.SELECTION_KEY, CallProcess.TASK_RECORD_DELIBERATION, Map.of(CallProcess.VAR_DECIDING_BODY,
        "COMMISSION_PERMANENTE"));
    ResponseEntity<String> response = complete(SECRETARY, task, deliberation(-1, 0, "false"));
    assertRefused(response, task, "votesFor", "doit être compris entre 0 et 10 000 (-1 saisi)");
  }

  // ------------------------------------------------------------------ one per user task

  @Test
  void aPrefectsDecisionNeedsItsReference() {
    Task task = at(CallProcess.SELECTION_KEY, CallProcess.TASK_RECORD_PREFECT_DECISION, Map.of(CallProcess.VAR_DECIDING_BODY, "PREFET"));
    ResponseEntity<String> response = complete(ADMIN, task, """
        {"variables": {"deliberationDate": {"value": "%s", "type": "String"},
         "deliberationAdopted": {"value": "true", "type": "String"}}}""".formatted(EngineClock.today()));
    assertRefused(response, task, "decisionReference", "« Référence de la décision (arrêté ou décision n°) » est obligatoire");
  }

  @Test
  void theProposalToThePrefetMustBeSent() {
    Task task = at(CallProcess.SELECTION_KEY, CallProcess.TASK_PREPARE_PREFECT_PROPOSAL, Map.of(CallProcess.VAR_DECIDING_BODY, "PREFET"));
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"prefectProposalDate": {"value": "%s", "type": "String"},
         "prefectProposalSent": {"value": false, "type": "Boolean"}}}""".formatted(EngineClock.today()));
    assertRefused(response, task, "prefectProposalSent", "doit être coché");
  }

  @Test
  void theAgentsProposalWithoutJuryRefusesAnAmountAboveTheRequest() {
    Task task = at(CallProcess.SELECTION_KEY, CallProcess.TASK_PROPOSE_SELECTION, Map.of(CallProcess.VAR_SELECTION_MODE, "WITHOUT_JURY"));
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"proposals": {"type": "Json", "value":
         "[{\\"applicationReference\\":\\"AAP-X-1\\",\\"granted\\":true,\\"requestedAmount\\":1000,\\"proposedAmount\\":1500}]"}}}""");
    assertRefused(response, task, "proposals[0].proposedAmount", "doit être compris entre 0 et 1 000");
  }

  @Test
  void juryRecommendationsRefuseANegativeAmount() {
    Task task = at(CallProcess.SELECTION_KEY, CallProcess.TASK_SYNTHESIS, Map.of());
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"proposals": {"type": "Json", "value":
         "[{\\"applicationReference\\":\\"AAP-X-1\\",\\"recommendation\\":\\"FAVORABLE\\",\\"granted\\":true,\\"requestedAmount\\":1000,\\"proposedAmount\\":-5}]"}}}""");
    assertRefused(response, task, "proposals[0].proposedAmount", "doit être compris entre 0 et 1 000");
  }

  @Test
  void assemblyReportMustBeSent() {
    Task task = at(CallProcess.SELECTION_KEY, CallProcess.TASK_PREPARE_REPORT, Map.of());
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"assemblySessionDate": {"value": "%s", "type": "String"},
         "reportSent": {"value": false, "type": "Boolean"}}}""".formatted(EngineClock.today().plusDays(30)));
    assertRefused(response, task, "reportSent", "doit être coché");
  }

  @Test
  void callReviewNeedsTenCharacters() {
    Task task = at(CallProcess.KEY, CallProcess.TASK_FINAL_REVIEW, Map.of());
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"reviewComment": {"value": "Court", "type": "String"}}}""");
    assertRefused(response, task, "reviewComment", "au moins 10 caractères");
  }

  @Test
  void aConventionClosedBeforeItBeganIsRefused() {
    Task task = at(GrantAgreementProcess.KEY, GrantAgreementProcess.TASK_PREPARE, Map.of());
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"agreementAmount": {"value": 1000, "type": "Double"},
         "agreementUnits": {"value": "10 ménages", "type": "String"},
         "decisionDate": {"value": "%s", "type": "String"},
         "periodStart": {"value": "2024-01-01", "type": "String"}, "periodEnd": {"value": "2023-12-31", "type": "String"},
         "termsChecked": {"value": true, "type": "Boolean"}}}""".formatted(EngineClock.today().minusDays(3)));
    assertRefused(response, task, "periodEnd", "précède son début");
  }

  @Test
  void signaturesCannotBeInTheFuture() {
    Task task = at(GrantAgreementProcess.KEY, GrantAgreementProcess.TASK_RECORD_SIGNATURES, Map.of());
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"operatorSignedOn": {"value": "%s", "type": "String"},
         "presidentSignedOn": {"value": "%s", "type": "String"}}}""".formatted(EngineClock.today().plusDays(5),
        EngineClock.today()));
    assertRefused(response, task, "operatorSignedOn", "ne peut pas être dans le futur");
  }

  @Test
  void justifiedExpensesCannotBeNegative() {
    Task task = at(GrantAgreementProcess.KEY, GrantAgreementProcess.TASK_STATE_EXPENSES, Map.of());
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"justifiedExpenses": {"value": -5, "type": "Double"},
         "terminationComment": {"value": "Résiliation", "type": "String"}}}""");
    assertRefused(response, task, "justifiedExpenses", "doit être compris entre 0 et");
  }

  @Test
  void advanceMandateNumberMustBeWellFormed() {
    // started right before the task: the payer group Task_LoadTerms sets for a Département-funded call
    Task task = at(GrantAgreementProcess.KEY, GrantAgreementProcess.TASK_VALIDATE_ADVANCE,
        Map.of(GrantAgreementProcess.VAR_PAYER_GROUP, Groups.FINANCES));
    ResponseEntity<String> response = complete(FINANCE, task, mandate(EngineClock.today().toString(), "mandat n°12 !"));
    assertRefused(response, task, "mandateNumber", "n'a pas le format attendu");
  }

  @Test
  void balanceMandateDateMustBeADate() {
    // started right before the task: the payer group Task_LoadTerms sets for a Département-funded call
    Task task = at(GrantAgreementProcess.KEY, GrantAgreementProcess.TASK_VALIDATE_BALANCE,
        Map.of(GrantAgreementProcess.VAR_PAYER_GROUP, Groups.FINANCES));
    ResponseEntity<String> response = complete(FINANCE, task, mandate("demain", "M-2024-12"));
    assertRefused(response, task, "paymentDate", "n'est pas une date valide");
  }

  /** A signed ASTRE convention (period from the call), its advance paid, on 1 March 2024. */
  private ProcessInstance signedAgreement() {
    ProcessTestSupport.clock("2023-05-10T10:00:00");
    String call = agreements.call("astre");
    fr.pasdecalais.habitat.aap.application.Application a = agreements.application(call, "UNIQUE", "PAS_DE_CALAIS",
        new java.math.BigDecimal("42000.00"), java.time.Instant.parse("2023-05-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-10-25T10:00:00");
    ProcessInstance pi = agreements.start(a);
    agreements.prepare(pi, "42000", "20 mesures d'accompagnement de 12 mois", "2023-10-02");
    agreements.sign(pi, "2023-10-20", "2023-10-24");
    agreements.mandate(pi, GrantAgreementProcess.TASK_VALIDATE_ADVANCE, "2023-10-25", "M-2023-4412");
    ProcessTestSupport.clock("2024-03-01T10:00:00");
    ProcessTestSupport.executeDueJobs(engine);
    return pi;
  }

  private Object finalReportId(ProcessInstance pi) {
    Long agreementId = agreements.agreementId(pi);
    return reporting.ofAgreement(agreementId).stream().map(r -> r.getId()).findFirst().orElseGet(() -> {
      var agreement = agreements.agreement(agreementId);
      return reporting.plan(agreementId, agreement.getPeriodStart(), agreement.getPeriodEnd(), List.of()).finalReportId();
    });
  }

  @Test
  void aFinalReportDatedBeforeTheConventionIsRefused() {
    ProcessInstance pi = signedAgreement();
    java.time.LocalDate start = agreements.agreement(agreements.agreementId(pi)).getPeriodStart();
    Object reportId = finalReportId(pi);
    Task task = at(GrantAgreementProcess.KEY, GrantAgreementProcess.TASK_RECEIVE_FINAL, Map.of("finalReportId", reportId,
        "agreementId", agreements.agreementId(pi)));
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"reportReceivedOn": {"value": "%s", "type": "String"},
         "reportSummary": {"value": "Bilan", "type": "String"},
         "finalReportDecision": {"value": "APPROVED", "type": "String"}}}""".formatted(start.minusDays(1)));
    assertRefused(response, task, "reportReceivedOn", "ne peut pas précéder le début de la convention");
  }

  @Test
  void lateFinalReportActionMustBeOneOffered() {
    Task task = at(GrantAgreementProcess.KEY, GrantAgreementProcess.TASK_HANDLE_LATE_FINAL, Map.of());
    ResponseEntity<String> response = complete(SUPERVISOR, task, """
        {"variables": {"lateAction": {"value": "OUBLIER", "type": "String"},
         "lateComment": {"value": "Relance", "type": "String"}}}""");
    assertRefused(response, task, "lateAction", "choisissez l'une des réponses proposées");
  }

  @Test
  void serviceRenderedQuantitiesCannotBeNegative() {
    Task task = at(GrantAgreementProcess.KEY, GrantAgreementProcess.TASK_CERTIFY_SERVICE, Map.of());
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"quantities": {"type": "Json", "value": "[{\\"code\\":\\"M\\",\\"label\\":\\"Mesures\\",\\"value\\":-2}]"},
         "serviceRenderedOn": {"value": "%s", "type": "String"}}}""".formatted(EngineClock.today()));
    assertRefused(response, task, "quantities[0].value", "doit être compris entre 0 et");
  }

  @Test
  void aServiceRenderedRowWithoutItsCodeIsRefusedAtCompletionNotSentBackAfterIt() {
    // what a form without a « Code » column submitted: the label and the value, no code
    Task task = at(GrantAgreementProcess.KEY, GrantAgreementProcess.TASK_CERTIFY_SERVICE, Map.of());
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"quantities": {"type": "Json", "value": "[{\\"label\\":\\"Mesures\\",\\"value\\":192}]"},
         "serviceRenderedOn": {"value": "%s", "type": "String"}}}""".formatted(EngineClock.today()));
    assertRefused(response, task, "quantities[0].code", "la ligne n'a pas de code");
  }

  @Test
  void interimReportSummaryIsBounded() {
    ProcessInstance signed = signedAgreement();
    Object reportId = finalReportId(signed);
    Task task = at(GrantAgreementProcess.KEY, GrantAgreementProcess.TASK_RECEIVE_INTERIM, Map.of("reportId", reportId,
        "finalReportId", reportId, "agreementId", agreements.agreementId(signed)));
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"reportReceivedOn": {"value": "%s", "type": "String"},
         "reportSummary": {"value": "%s", "type": "String"}}}""".formatted(EngineClock.today(), "x".repeat(4001)));
    assertRefused(response, task, "reportSummary", "ne peut dépasser 4000 caractères");
  }

  @Test
  void anApprovedAmendmentChangesSomething() {
    Task task = at(GrantAgreementProcess.KEY, GrantAgreementProcess.TASK_REVIEW_AMENDMENT, Map.of());
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"amendmentDecision": {"value": "APPROVED", "type": "String"},
         "amendmentComment": {"value": "Accord", "type": "String"}}}""");
    assertRefused(response, task, "amendmentNewAmount", "modifie le montant ou la date de fin");
  }

  @Test
  void incompleteDossierNeedsAMissingPiece() {
    Task task = realDossierTask(ApplicationProcess.TASK_CHECK_COMPLETENESS);
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"complete": {"value": "false", "type": "String"},
         "missingPieces": {"value": "[]", "type": "Json"},
         "missingReason": {"value": "MISSING", "type": "String"}}}""");
    assertRefused(response, task, "missingPieces", "cochez au moins une pièce");
  }

  @Test
  void piecesCommentIsBounded() {
    Task task = at(ApplicationProcess.INSTRUCTION_KEY, ApplicationProcess.TASK_AWAIT_PIECES,
        Map.of("regularizationDeadline", java.util.Date.from(EngineClock.now().plusSeconds(86400 * 10))));
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"piecesComment": {"value": "%s", "type": "String"}}}""".formatted("p".repeat(1001)));
    assertRefused(response, task, "piecesComment", "ne peut dépasser 1000 caractères");
  }

  @Test
  void ineligibilityNeedsAReason() {
    Task task = at(ApplicationProcess.INSTRUCTION_KEY, ApplicationProcess.TASK_CHECK_ELIGIBILITY,
        Map.of("autoEligible", true));
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"eligible": {"value": "false", "type": "String"}}}""");
    assertRefused(response, task, "eligibilityReason", "est obligatoire");
  }

  @Test
  void aDeclaredConflictNeedsItsNature() {
    Task task = at("jury-opinion", "Task_DeclareConflict", Map.of("juryMember", JUROR,
        "opinionDeadline", java.util.Date.from(EngineClock.now().plusSeconds(86400 * 10)),
        "reminderDate", java.util.Date.from(EngineClock.now().plusSeconds(86400 * 8))));
    ResponseEntity<String> response = complete(JUROR, task, """
        {"variables": {"conflictOfInterest": {"value": true, "type": "Boolean"}}}""");
    assertRefused(response, task, "conflictReason", "est obligatoire");
  }

  @Test
  void aRefusedMembershipNeedsAReason() {
    Task task = at(MembershipProcess.KEY, MembershipProcess.TASK_VALIDATE, Map.of());
    ResponseEntity<String> response = complete(AGENT, task, """
        {"variables": {"membershipAccepted": {"value": "false", "type": "String"}}}""");
    assertRefused(response, task, "membershipRefusalReason", "est obligatoire");
  }

  // ------------------------------------------------------------------ helpers

  private static String deliberation(int votesFor, int votesAgainst, String adopted) {
    return """
        {"variables": {"deliberationNumber": {"value": "2023-%d", "type": "String"},
         "deliberationDate": {"value": "%s", "type": "String"},
         "votesFor": {"value": %d, "type": "Long"}, "votesAgainst": {"value": %d, "type": "Long"},
         "votesAbstention": {"value": 0, "type": "Long"}, "votesAbsent": {"value": 2, "type": "Long"},
         "deliberationAdopted": {"value": "%s", "type": "String"}}}""".formatted(
        (int) (Math.random() * 90000), EngineClock.today(), votesFor, votesAgainst, adopted);
  }

  private static String mandate(String date, String number) {
    return """
        {"variables": {"paymentDate": {"value": "%s", "type": "String"},
         "mandateNumber": {"value": "%s", "type": "String"}}}""".formatted(date, number);
  }

  /** The real model, started right before {@code taskKey} with {@code variables}. */
  private Task at(String processKey, String taskKey, Map<String, Object> variables) {
    // variables before the activity: set after it, they would be the activity's, too late for its scope's timers
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceByKey(processKey)
        .businessKey("CR-" + UUID.randomUUID().toString().substring(0, 8))
        .setVariables(variables).startBeforeActivity(taskKey).execute();
    started.add(pi.getId());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as(taskKey).isNotNull();
    return task;
  }

  private fr.pasdecalais.habitat.aap.application.Application dossier() {
    ProcessTestSupport.clock("2023-04-10T10:00:00");
    Dossiers dossiers = new Dossiers(catalog, reader, applications);
    CallForProjects call = dossiers.call(true);
    return dossiers.submit(call, Dossiers.email(), true).application();
  }

  /** A task of a real dossier's process, reached by running its jobs. */
  private Task realDossierTask(String taskKey) {
    String reference = dossier().getReference();
    ProcessTestSupport.executeDueJobs(engine);
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey + " of " + reference).isNotNull();
    return task;
  }

  /** "Donner un avis" on a real dossier of an ASTRE-like call (four criteria scored 0 to 5), for {@link #JUROR}. */
  private Task giveOpinionTask() {
    long applicationId = dossier().getId();
    return at("jury-opinion", "Task_GiveOpinion", Map.of("applicationId", applicationId, "juryMember", JUROR,
        "opinionDeadline", java.util.Date.from(EngineClock.now().plusSeconds(86400 * 10)),
        "reminderDate", java.util.Date.from(EngineClock.now().plusSeconds(86400 * 8))));
  }

  private ResponseEntity<String> complete(String user, Task task, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD).exchange("/engine-rest/task/" + task.getId() + "/complete",
        HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
  }

  private void assertRefused(ResponseEntity<String> response, Task task, String field, String message) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(response.getBody()).contains("\"field\":\"" + field + "\"").contains(message)
        .contains("Formulaire à corriger").contains("\"message\"");
    assertStillOpen(task);
  }

  private void assertStillOpen(Task task) {
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(task.getProcessInstanceId()).count())
        .as("incidents").isZero();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId())
        .withException().count()).as("failed jobs").isZero();
  }

}
