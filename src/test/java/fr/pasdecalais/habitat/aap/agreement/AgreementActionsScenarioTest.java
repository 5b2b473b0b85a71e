package fr.pasdecalais.habitat.aap.agreement;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.TASK_VALIDATE_ADVANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentKind;
import fr.pasdecalais.habitat.aap.payment.PaymentStatus;
import fr.pasdecalais.habitat.aap.reporting.Report;
import fr.pasdecalais.habitat.aap.reporting.ReportKind;
import fr.pasdecalais.habitat.aap.reporting.ReportReceived;
import fr.pasdecalais.habitat.aap.reporting.ReportStatus;
import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import fr.pasdecalais.habitat.aap.review.CallReviewService;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Every step of a convention within an agent's reach through {@code /api}: an avenant (and the
 * reports that follow the new period), a mise en demeure and its lifting, a résiliation, a report
 * asked for at any time, a report received on paper with typed indicators, and the collection of a
 * titre de recette (partial, then full) that alone counts as recovered.
 */
@SpringScenarioTest
@RecordApplicationEvents
class AgreementActionsScenarioTest {

  private static final String PASSWORD = "Essai-Actions-Conventions-2026!";
  private static final String AGENT = "test.agent.actions";
  private static final String FINANCE = "test.finances.actions";
  private static final String STATE_FINANCE = "test.etat-finances.actions";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired IdentitySetup identitySetup;
  @Autowired AgreementScenarios scenario;
  @Autowired ReportingService reporting;
  @Autowired AgreementReading reading;
  @Autowired ApplicationEvents events;
  @Autowired CallReviewService review;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    ProcessTestSupport.init(engine);
    identitySetup.ensureUser(AGENT, "Agathe", "Essai", PASSWORD, Groups.INSTRUCTEURS);
    identitySetup.ensureUser(FINANCE, "Fabien", "Essai", PASSWORD, Groups.FINANCES);
    identitySetup.ensureUser(STATE_FINANCE, "Hélène", "Essai", PASSWORD, Groups.ETAT_FINANCES);
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD).postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  private static void problem(ResponseEntity<String> r, HttpStatus status, String text) {
    assertThat(r.getStatusCode()).isEqualTo(status);
    assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(r.getBody()).contains(text);
  }

  private ProcessInstance astreSigned() {
    ProcessTestSupport.clock("2023-05-10T10:00:00");
    String call = scenario.call("astre");
    Application a = scenario.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("42000.00"),
        Instant.parse("2023-05-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-10-25T10:00:00");
    ProcessInstance pi = scenario.start(a);
    scenario.prepare(pi, "42000", "20 mesures d'accompagnement de 12 mois", "2023-10-02");
    scenario.sign(pi, "2023-10-20", "2023-10-24");
    scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-10-25", "MR-2023-" + pi.getId());
    return pi;
  }

  private static String number(ProcessInstance pi) {
    return "CONV-" + pi.getBusinessKey();
  }

  private Date lateJobDue(ProcessInstance pi, String activityId) {
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().list()) {
      String activity = engine.getManagementService().createJobDefinitionQuery()
          .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
      if (activity.equals(activityId)) {
        return job.getDuedate();
      }
    }
    return null;
  }

  private static Date paris(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(ProcessTestSupport.PARIS).toInstant());
  }

  @Test
  void anAgentAsksForAnAvenantByTheApiAndTheFinalReportMovesWithTheNewEnd() throws Exception {
    ProcessInstance pi = astreSigned();
    Long id = scenario.agreementId(pi);
    Report finalReport = reporting.ofAgreement(id).stream().filter(r -> r.getKind() == ReportKind.FINAL).findFirst().orElseThrow();
    // "dans les six mois suivant la fin de la convention": 31/10/2024 + 6 months
    assertThat(finalReport.getDueOn()).isEqualTo("2025-04-30");
    assertThat(lateJobDue(pi, "BoundaryEvent_FinalLate")).isEqualTo(paris("2025-05-01T00:00:00"));

    ProcessTestSupport.clock("2024-03-01T10:00:00");
    problem(post(AGENT, "/api/agreements/CONV-INCONNUE/amendments", "{\"reason\":\"x\"}"), HttpStatus.NOT_FOUND,
        "n'existe pas");
    problem(post(AGENT, "/api/agreements/" + number(pi) + "/amendments", "{}"), HttpStatus.BAD_REQUEST,
        "motif de l'avenant est obligatoire");
    ResponseEntity<String> created = post(AGENT, "/api/agreements/" + number(pi) + "/amendments",
        "{\"reason\":\"Prolongation de cinq mois des accompagnements\"}");
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(created.getBody()).get("sequence").asInt()).isEqualTo(1);
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_REVIEW_AMENDMENT, GrantAgreementProcess.TASK_RECEIVE_FINAL);
    // the same request again while the first is examined: 409, nothing started
    problem(post(AGENT, "/api/agreements/" + number(pi) + "/amendments", "{\"reason\":\"Encore\"}"),
        HttpStatus.CONFLICT, "déjà en cours");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(GrantAgreementProcess.TASK_REVIEW_AMENDMENT).count()).isEqualTo(1);

    complete(task(GrantAgreementProcess.TASK_REVIEW_AMENDMENT, pi), Map.of("amendmentDecision", "APPROVED",
        "amendmentNewPeriodEnd", "2025-03-31", "amendmentComment", "Cinq mois de plus"));
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(pi).hasPassed("Task_RescheduleReports", "EndEvent_AmendmentApproved");
    assertThat(scenario.agreement(id).getPeriodEnd()).isEqualTo("2025-03-31");
    assertThat(reporting.get(finalReport.getId()).getDueOn()).isEqualTo("2025-09-30");
    // the timers already waiting for the final report moved with it
    assertThat(lateJobDue(pi, "BoundaryEvent_FinalLate")).isEqualTo(paris("2025-10-01T00:00:00"));
    assertThat(lateJobDue(pi, "BoundaryEvent_FinalReminder")).isEqualTo(paris("2025-08-30T09:00:00"));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "finalReportDueLabel")).isEqualTo("30/09/2025");
  }

  @Test
  void anAvenantThatExtendsAMonthlyTableAddsTheMissingTablesAndTheProcessWaitsForEach() {
    ProcessTestSupport.clock("2023-08-10T10:00:00");
    String call = scenario.call("prevention-ami2");
    Application a = scenario.application(call, "AMI2", "BOULONNAIS", new BigDecimal("25493.66"),
        Instant.parse("2023-08-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-10-27T10:00:00");
    ProcessInstance pi = scenario.start(a);
    scenario.prepare(pi, "25493.66", "157 visites explicatives de jugement", "2023-10-09");
    scenario.sign(pi, "2023-10-20", "2023-10-25");
    scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-10-27", "MR-2023-" + pi.getId());
    Long id = scenario.agreementId(pi);
    assertThat(reporting.ofAgreement(id).stream().filter(r -> r.getKind() == ReportKind.INTERIM)).hasSize(11);

    ProcessTestSupport.clock("2023-11-15T10:00:00");
    assertThat(post(AGENT, "/api/agreements/" + number(pi) + "/amendments",
        "{\"reason\":\"Deux mois de plus pour les visites\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    complete(task(GrantAgreementProcess.TASK_REVIEW_AMENDMENT, pi), Map.of("amendmentDecision", "APPROVED",
        "amendmentNewPeriodEnd", "2024-12-31", "amendmentComment", "Prolongation"));
    ProcessTestSupport.executeDueJobs(engine);
    // "fourni mensuellement": 13 tables from December 2023 to December 2024, the final report six months after
    List<Report> reports = reporting.ofAgreement(id);
    assertThat(reports.stream().filter(r -> r.getKind() == ReportKind.INTERIM)).hasSize(13)
        .extracting(Report::getDueOn).last().isEqualTo(LocalDate.parse("2024-12-01"));
    assertThat(reports.stream().filter(r -> r.getKind() == ReportKind.FINAL).findFirst().orElseThrow().getDueOn())
        .isEqualTo("2025-06-30");

    for (int month = 1; month <= 13; month++) {
      LocalDateTime due = LocalDateTime.of(2023, 11, 1, 0, 0).plusMonths(month);
      ProcessTestSupport.clock(due.plusHours(10).toString());
      ProcessTestSupport.executeDueJobs(engine);
      assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECEIVE_INTERIM);
      complete(task(GrantAgreementProcess.TASK_RECEIVE_INTERIM, pi),
          Map.of("reportReceivedOn", due.toLocalDate().toString(), "reportSummary", "Tableau mensuel " + month));
      ProcessTestSupport.executeDueJobs(engine);
    }
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECEIVE_FINAL).isNotWaitingAt(GrantAgreementProcess.TASK_RECEIVE_INTERIM);
    assertThat(reporting.ofAgreement(id).stream().filter(r -> r.getKind() == ReportKind.INTERIM))
        .allMatch(r -> r.getStatus() == ReportStatus.RECEIVED);
  }

  @Test
  void anAvenantThatShortensThePeriodCancelsTheTablesBeyondItAndTheProcessSkipsThem() {
    ProcessTestSupport.clock("2023-08-10T10:00:00");
    String call = scenario.call("prevention-ami2");
    Application a = scenario.application(call, "AMI2", "BOULONNAIS", new BigDecimal("25493.66"),
        Instant.parse("2023-08-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-10-27T10:00:00");
    ProcessInstance pi = scenario.start(a);
    scenario.prepare(pi, "25493.66", "157 visites explicatives de jugement", "2023-10-09");
    scenario.sign(pi, "2023-10-20", "2023-10-25");
    scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-10-27", "MR-2023-" + pi.getId());
    Long id = scenario.agreementId(pi);

    ProcessTestSupport.clock("2023-11-10T10:00:00");
    assertThat(post(AGENT, "/api/agreements/" + number(pi) + "/amendments",
        "{\"reason\":\"Fin anticipée au 31 mars\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    complete(task(GrantAgreementProcess.TASK_REVIEW_AMENDMENT, pi), Map.of("amendmentDecision", "APPROVED",
        "amendmentNewPeriodEnd", "2024-03-31", "amendmentComment", "Fin anticipée"));
    ProcessTestSupport.executeDueJobs(engine);
    List<Report> interim = reporting.ofAgreement(id).stream().filter(r -> r.getKind() == ReportKind.INTERIM).toList();
    assertThat(interim).filteredOn(r -> r.getStatus() == ReportStatus.EXPECTED).extracting(Report::getDueOn)
        .containsExactly(LocalDate.parse("2023-12-01"), LocalDate.parse("2024-01-01"), LocalDate.parse("2024-02-01"),
            LocalDate.parse("2024-03-01"));
    assertThat(interim).filteredOn(r -> r.getStatus() == ReportStatus.CANCELLED).hasSize(7);

    for (int month = 1; month <= 4; month++) {
      LocalDateTime due = LocalDateTime.of(2023, 11, 1, 0, 0).plusMonths(month);
      ProcessTestSupport.clock(due.plusHours(10).toString());
      ProcessTestSupport.executeDueJobs(engine);
      assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECEIVE_INTERIM);
      complete(task(GrantAgreementProcess.TASK_RECEIVE_INTERIM, pi),
          Map.of("reportReceivedOn", due.toLocalDate().toString(), "reportSummary", "Tableau mensuel " + month));
      ProcessTestSupport.executeDueJobs(engine);
    }
    // the seven cancelled tables are skipped without a reminder; the final report is due six months after the new end
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECEIVE_FINAL).hasPassed("EndEvent_InterimCancelled");
    assertThat(reporting.ofAgreement(id).stream().filter(r -> r.getStatus() == ReportStatus.CANCELLED))
        .noneMatch(Report::isReminderSent);
    assertThat(reporting.ofAgreement(id).stream().filter(r -> r.getKind() == ReportKind.FINAL).findFirst().orElseThrow()
        .getDueOn()).isEqualTo("2024-09-30");
  }

  @Test
  void aFormalNoticeIsIssuedOnceByTheApiAndLiftedWhenTheOperatorRemedies() {
    ProcessInstance pi = astreSigned();
    Long id = scenario.agreementId(pi);
    ProcessTestSupport.clock("2024-02-01T10:00:00");
    ResponseEntity<String> notice = post(AGENT, "/api/agreements/" + number(pi) + "/formal-notices",
        "{\"reason\":\"aucun accompagnement réalisé depuis trois mois\"}");
    assertThat(notice.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(scenario.agreement(id).getNoticeSentOn()).isEqualTo("2024-02-01");
    problem(post(AGENT, "/api/agreements/" + number(pi) + "/formal-notices", "{\"reason\":\"encore\"}"),
        HttpStatus.CONFLICT, "court déjà depuis le 01/02/2024");

    ResponseEntity<String> lifted = post(AGENT, "/api/agreements/" + number(pi) + "/formal-notices/remedy", "{}");
    assertThat(lifted.getStatusCode()).isEqualTo(HttpStatus.OK);
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(pi).hasPassed("EndEvent_NoticeLifted");
    assertThat(scenario.agreement(id).getNoticeSentOn()).isNull();
    problem(post(AGENT, "/api/agreements/" + number(pi) + "/formal-notices/remedy", "{}"), HttpStatus.CONFLICT,
        "Aucune mise en demeure");
    // the finance group does not start the steps of a convention
    assertThat(post(FINANCE, "/api/agreements/" + number(pi) + "/formal-notices", "{\"reason\":\"x\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aTerminationByTheApiReclaimsTheAdvanceAndOnlyWhatIsCollectedCountsAsRecovered() throws Exception {
    ProcessInstance pi = astreSigned();
    Long id = scenario.agreementId(pi);
    ProcessTestSupport.clock("2024-02-01T10:00:00");
    ResponseEntity<String> terminated = post(AGENT, "/api/agreements/" + number(pi) + "/termination",
        "{\"reason\":\"L'opérateur renonce à l'action\"}");
    assertThat(terminated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_STATE_EXPENSES);
    complete(task(GrantAgreementProcess.TASK_STATE_EXPENSES, pi), Map.of("justifiedExpenses", 10500.0,
        "terminationComment", "Trois mois d'accompagnement justifiés"));
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(pi).isEnded().hasPassed(GrantAgreementProcess.END_TERMINATED);
    problem(post(AGENT, "/api/agreements/" + number(pi) + "/termination", "{\"reason\":\"encore\"}"),
        HttpStatus.CONFLICT, "n'est pas en vigueur (résiliée)");
    problem(post(AGENT, "/api/agreements/" + number(pi) + "/amendments", "{\"reason\":\"trop tard\"}"),
        HttpStatus.CONFLICT, "n'est pas en vigueur");

    // advance 33 600,00 paid, 10 500,00 justified → titre de recette of 23 100,00
    Payment recovery = scenario.payments(id).stream().filter(p -> p.getKind() == PaymentKind.RECOVERY).findFirst().orElseThrow();
    assertThat(recovery.getAmount()).isEqualByComparingTo("23100.00");
    String callReference = scenario.agreement(id).getCallReference();
    assertThat(reading.callTotals(callReference).recovered()).isEqualByComparingTo("0.00");
    assertThat(reading.callTotals(callReference).toRecover()).isEqualByComparingTo("23100.00");

    String path = "/api/payments/" + recovery.getId() + "/collections";
    assertThat(post(AGENT, path, "{\"amount\":100,\"collectedOn\":\"2024-02-01\",\"reference\":\"Q-1\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // a titre of a Département-funded convention: the State's finance service neither records nor reads it
    problem(post(STATE_FINANCE, path, "{\"amount\":100,\"collectedOn\":\"2024-02-01\",\"reference\":\"Q-ETAT\"}"),
        HttpStatus.FORBIDDEN, "relève d'une convention financée par le Département");
    problem(rest.withBasicAuth(STATE_FINANCE, PASSWORD).getForEntity(path, String.class), HttpStatus.FORBIDDEN,
        "ne relève pas d'une convention financée par l'État");
    problem(post(FINANCE, "/api/payments/999999999/collections", "{\"amount\":1,\"collectedOn\":\"2024-02-01\",\"reference\":\"Q\"}"),
        HttpStatus.NOT_FOUND, "n'existe pas");
    problem(post(FINANCE, path, "{\"amount\":-5,\"collectedOn\":\"2024-02-01\",\"reference\":\"Q-0\"}"),
        HttpStatus.BAD_REQUEST, "strictement positif");
    ResponseEntity<String> first = post(FINANCE, path, "{\"amount\":10000.00,\"collectedOn\":\"2024-02-01\",\"reference\":\"Q-2024-001\"}");
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode state = json.readTree(first.getBody());
    assertThat(state.get("remainingLabel").asText()).isEqualTo("13 100,00 €");
    assertThat(state.get("status").asText()).isEqualTo("ORDERED");
    problem(post(FINANCE, path, "{\"amount\":13100.01,\"collectedOn\":\"2024-02-01\",\"reference\":\"Q-2024-002\"}"),
        HttpStatus.CONFLICT, "dépasse ce qui reste à recouvrer sur le titre " + recovery.getOrderNumber() + " (13 100,00 €)");
    problem(post(FINANCE, path, "{\"amount\":1.00,\"collectedOn\":\"2024-02-01\",\"reference\":\"Q-2024-001\"}"),
        HttpStatus.CONFLICT, "déjà enregistré");
    assertThat(reading.callTotals(callReference).recovered()).isEqualByComparingTo("10000.00");
    assertThat(reading.callTotals(callReference).toRecover()).isEqualByComparingTo("13100.00");

    ResponseEntity<String> last = post(FINANCE, path, "{\"amount\":13100.00,\"collectedOn\":\"2024-02-01\",\"reference\":\"Q-2024-002\"}");
    assertThat(last.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(last.getBody()).get("status").asText()).isEqualTo("PAID");
    assertThat(scenario.payments(id).stream().filter(p -> p.getKind() == PaymentKind.RECOVERY).findFirst().orElseThrow()
        .getStatus()).isEqualTo(PaymentStatus.PAID);
    assertThat(reading.callTotals(callReference).recovered()).isEqualByComparingTo("23100.00");
    assertThat(reading.callTotals(callReference).toRecover()).isEqualByComparingTo("0.00");
    problem(post(FINANCE, path, "{\"amount\":0.01,\"collectedOn\":\"2024-02-01\",\"reference\":\"Q-2024-003\"}"),
        HttpStatus.CONFLICT, "(0,00 €)");
  }

  @Test
  void aReportAskedForAtAnyTimeIsAwaitedThenRecordedOnPaperAndTheFinalReportCountsItsNumbers() throws Exception {
    ProcessTestSupport.clock("2023-01-10T10:00:00");
    String call = scenario.call("info-juridique-on-demand");
    Application a = scenario.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("100000.00"),
        Instant.parse("2023-01-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-03-20T10:00:00");
    ProcessInstance pi = scenario.start(a);
    scenario.prepare(pi, "100000", "Information juridique sur l'ensemble du département", "2023-03-06");
    scenario.sign(pi, "2023-03-14", "2023-03-16");
    scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-03-20", "MR-2023-" + pi.getId());
    Long id = scenario.agreementId(pi);
    String conv = "/api/agreements/" + number(pi);

    // "pourra être demandé à tout moment": asked on 1 June, due 30 days later
    ProcessTestSupport.clock("2023-06-01T10:00:00");
    problem(post(AGENT, conv + "/report-requests", "{\"code\":\"INCONNU\"}"), HttpStatus.BAD_REQUEST, "TABLEAU_REPORTING");
    problem(post(AGENT, conv + "/report-requests", "{\"dueOn\":\"2023-05-01\"}"), HttpStatus.BAD_REQUEST, "après aujourd'hui");
    ResponseEntity<String> asked = post(AGENT, conv + "/report-requests", "{}");
    assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode requested = json.readTree(asked.getBody());
    assertThat(requested.get("dueOn").asText()).isEqualTo("2023-07-01");
    assertThat(requested.get("title").asText()).isEqualTo("Tableau de reporting n° 1");
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECEIVE_REQUESTED, GrantAgreementProcess.TASK_RECEIVE_FINAL);
    Long requestedId = requested.get("id").asLong();
    // not received by the due date + 15 days: flagged late
    ProcessTestSupport.clock("2023-07-17T10:00:00");
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(reporting.get(requestedId).isLate()).isTrue();
    ResponseEntity<String> paper = post(AGENT, conv + "/reports", "{\"reportId\":" + requestedId
        + ",\"receivedOn\":\"2023-07-17\",\"summary\":\"Tableau reçu par courrier\"}");
    assertThat(paper.getStatusCode()).isEqualTo(HttpStatus.OK);
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(reporting.get(requestedId).getStatus()).isEqualTo(ReportStatus.RECEIVED);
    // what an instalment paid at the interim report listens to
    assertThat(events.stream(ReportReceived.class).filter(e -> e.reportId().equals(requestedId)))
        .singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("TABLEAU_REPORTING"));
    assertThat(pi).hasPassed("EndEvent_RequestedReceived").isWaitingAt(GrantAgreementProcess.TASK_RECEIVE_FINAL);
    problem(post(AGENT, conv + "/reports", "{\"reportId\":" + requestedId + ",\"receivedOn\":\"2023-07-17\","
        + "\"summary\":\"encore\"}"), HttpStatus.CONFLICT, "n'est attendu");

    // the final report on paper: a counted indicator must be a number, the other is a text
    ProcessTestSupport.clock("2024-02-15T10:00:00");
    problem(post(AGENT, conv + "/reports", "{\"receivedOn\":\"2024-02-14\",\"summary\":\"Bilan\",\"decision\":\"APPROVED\","
        + "\"indicators\":" + indicators("\"environ 1200\"") + "}"),
        HttpStatus.BAD_REQUEST, "est un nombre (personnes), pas un texte");
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECEIVE_FINAL);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(GrantAgreementProcess.TASK_RECEIVE_FINAL).singleResult().getAssignee()).isNull();
    ResponseEntity<String> finalPaper = post(AGENT, conv + "/reports", "{\"receivedOn\":\"2024-02-14\",\"summary\":\"Bilan\","
        + "\"decision\":\"APPROVED\",\"indicators\":" + indicators("1200") + "}");
    assertThat(finalPaper.getStatusCode()).as(finalPaper.getBody()).isEqualTo(HttpStatus.OK);
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(pi).isEnded().hasPassed(GrantAgreementProcess.END_CLOSED);
    Report finalReport = reporting.ofAgreement(id).stream().filter(r -> r.getKind() == ReportKind.FINAL).findFirst().orElseThrow();
    assertThat(finalReport.getStatus()).isEqualTo(ReportStatus.APPROVED);
    assertThat(reading.approvedFinalReports(call)).isEqualTo(1);
    assertThat(reading.indicatorTotals(call).get("PERSONNES_RECUES").sum()).isEqualByComparingTo("1200");
    assertThat(reading.indicatorTotals(call).get("APPELS").sum()).isEqualByComparingTo("310");
    assertThat(reading.indicatorTotals(call)).doesNotContainKey("THEMES");
    // "Établir le bilan de l'appel": the approved final report is counted, with its number
    assertThat(review.executionCheck(call).reviewSummary())
        .contains("Bilans finaux approuvés : 1.")
        .contains("Nombre de personnes reçues : 1200 personnes (1 bilan)")
        .doesNotContain("aucun bilan final approuvé");
  }

  /** What Tasklist sends when a start form is submitted. */
  private ResponseEntity<String> startForm(String user, String key, String variables) {
    return post(user, "/engine-rest/process-definition/key/" + key + "/submit-form", "{\"variables\": " + variables + "}");
  }

  @Test
  void fromTasklistAnAgentIssuesANoticeThenTerminatesAndTheFinanceGroupRecordsTheCollection() throws Exception {
    ProcessInstance pi = astreSigned();
    Long id = scenario.agreementId(pi);
    ProcessTestSupport.clock("2024-02-01T10:00:00");
    String notice = "{\"agreementNumber\": {\"value\": \"" + number(pi) + "\"}, \"agreementAction\": {\"value\": "
        + "\"FORMAL_NOTICE\"}, \"actionReason\": {\"value\": \"aucun accompagnement depuis trois mois\"}}";
    assertThat(startForm(AGENT, "agreement-action", notice).getStatusCode()).isEqualTo(HttpStatus.OK);
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(scenario.agreement(id).getNoticeSentOn()).isEqualTo("2024-02-01");
    // the same notice again: refused with its French message, nothing started
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("agreement-action").count();
    ResponseEntity<String> again = startForm(AGENT, "agreement-action", notice);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getBody()).contains("court déjà depuis le 01/02/2024");
    // the person reads the French sentence alone, not the engine's "Cannot instantiate process definition …: "
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(again.getBody()).path("message").asText())
        .startsWith("Une mise en demeure").doesNotContain("Cannot");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("agreement-action").count())
        .isEqualTo(before);
    // the finance group does not start it
    assertThat(startForm(FINANCE, "agreement-action", notice).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(startForm(AGENT, "agreement-action", "{\"agreementNumber\": {\"value\": \"" + number(pi) + "\"}, "
        + "\"agreementAction\": {\"value\": \"TERMINATION\"}, \"actionReason\": {\"value\": \"Manquement persistant\"}}")
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_STATE_EXPENSES);
    complete(task(GrantAgreementProcess.TASK_STATE_EXPENSES, pi), Map.of("justifiedExpenses", 33000.0,
        "terminationComment", "Presque tout justifié"));
    ProcessTestSupport.executeDueJobs(engine);
    Payment recovery = scenario.payments(id).stream().filter(p -> p.getKind() == PaymentKind.RECOVERY).findFirst().orElseThrow();
    assertThat(recovery.getAmount()).isEqualByComparingTo("600.00");

    String collection = "{\"recoveryOrderNumber\": {\"value\": \"" + recovery.getOrderNumber() + "\"}, "
        + "\"collectionAmount\": {\"value\": %s}, \"collectedOn\": {\"value\": \"2024-02-01\"}, "
        + "\"collectionReference\": {\"value\": \"%s\"}}";
    assertThat(startForm(AGENT, "payment-collection", String.format(collection, "100", "Q-1")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(startForm(FINANCE, "payment-collection", String.format(collection, "250.5", "Q-1")).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // the State's finance service starts the form, but a Département titre is not its own: 403, nothing recorded
    ResponseEntity<String> notTheirs = startForm(STATE_FINANCE, "payment-collection", String.format(collection, "100", "Q-ETAT"));
    assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(notTheirs.getBody()).contains("relève d'une convention financée par le Département");
    ResponseEntity<String> above = startForm(FINANCE, "payment-collection", String.format(collection, "349.51", "Q-2"));
    assertThat(above.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(above.getBody()).contains("(349,50 €)");
    assertThat(reading.ofApplication(pi.getBusinessKey()).orElseThrow().recovered()).isEqualByComparingTo("250.50");
    assertThat(reading.ofApplication(pi.getBusinessKey()).orElseThrow().toRecover()).isEqualByComparingTo("349.50");
  }

  /** The indicators of the information juridique call, as the final report's paper gives them. */
  private static String indicators(String personnesRecues) {
    return "{\"PERSONNES_RECUES\":" + personnesRecues + ",\"APPELS\":310,\"PERMANENCES\":48,\"HABITAT_INDIGNE\":12,"
        + "\"MOTIFS_APPELS\":\"Impayés, congés\",\"THEMES\":\"Impayés, décence\",\"MODES_CONSULTATION\":\"Téléphone, "
        + "permanences\",\"PROFIL\":\"Locataires du parc privé\",\"STATUT\":\"Locataires surtout\"}";
  }

  @Test
  void theScheduleKeepsEveryReportTheDocumentsWrite() {
    LocalDate start = LocalDate.parse("2023-01-01");
    LocalDate end = LocalDate.parse("2023-12-31");
    List<ReportingService.Due> due = ReportingService.schedule(start, end, List.of(
        new ReportingService.Milestone("B3", "Bilan à 3 mois", ReportKind.INTERIM, 0, false, 3, null, null, null, null),
        new ReportingService.Milestone("B12", "Bilan à 12 mois", ReportKind.INTERIM, 0, false, 12, null, null, null, null),
        new ReportingService.Milestone("TRIM", "Tableau trimestriel", ReportKind.INTERIM, 3, false, null, null, null, null, null),
        new ReportingService.Milestone("COMITE", "Comité de suivi", ReportKind.COMMITTEE, 12, false, null, null, null, null, null),
        new ReportingService.Milestone("DEMANDE", "Tableau", ReportKind.INTERIM, 0, true, null, null, null, null, 30),
        new ReportingService.Milestone("DATE", "Point d'étape", ReportKind.INTERIM, 0, false, null, null, null,
            List.of(LocalDate.parse("2023-06-15")), null),
        new ReportingService.Milestone("N1", "Bilan en n+1", ReportKind.FINAL, 0, false, null, null,
            java.time.MonthDay.of(6, 30), null, null)));
    assertThat(due).extracting(d -> d.code() + "@" + d.dueOn()).containsExactly(
        "B3@2023-04-01", "TRIM@2023-04-01", "DATE@2023-06-15", "TRIM@2023-07-01", "TRIM@2023-10-01",
        "B12@2024-01-01", "COMITE@2024-01-01", "N1@2024-06-30");
    // without a final milestone: six months after the end; a final at months after start is kept as written
    assertThat(ReportingService.schedule(start, end, List.of()).get(0).dueOn()).isEqualTo("2024-06-30");
    assertThat(ReportingService.schedule(start, end, List.of(new ReportingService.Milestone(ReportKind.FINAL, 13)))
        .get(0).dueOn()).isEqualTo("2024-02-01");
  }
}
