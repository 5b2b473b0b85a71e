package fr.pasdecalais.habitat.aap.agreement;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.TASK_VALIDATE_ADVANCE;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.TASK_VALIDATE_BALANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentKind;
import fr.pasdecalais.habitat.aap.payment.PaymentStatus;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import fr.pasdecalais.habitat.aap.support.TestMailServer;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One scenario per path of grant-agreement.bpmn, with the documents' amounts to the cent. */
@SpringScenarioTest
class GrantAgreementScenarioTest {

  @Autowired ProcessEngine engine;
  @Autowired AgreementScenarios scenario;
  @Autowired AmendmentRepository amendments;

  @BeforeEach
  void init() {
    ProcessTestSupport.init(engine);
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  private ProcessInstance astreSigned() {
    ProcessTestSupport.clock("2023-05-10T10:00:00");
    String call = scenario.call("astre");
    Application a = scenario.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("42000.00"),
        java.time.Instant.parse("2023-05-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-10-25T10:00:00");
    ProcessInstance pi = scenario.start(a);
    scenario.prepare(pi, "42000", "20 mesures d'accompagnement de 12 mois", "2023-10-02");
    scenario.sign(pi, "2023-10-20", "2023-10-24");
    return pi;
  }

  private static Payment only(List<Payment> payments, PaymentKind kind) {
    List<Payment> of = payments.stream().filter(p -> p.getKind() == kind).toList();
    assertThat(of).hasSize(1);
    return of.get(0);
  }

  @Test
  void informationJuridiqueOnePaymentOf100000AtSignature() {
    ProcessTestSupport.clock("2023-01-10T10:00:00");
    String call = scenario.call("info-juridique");
    Application a = scenario.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("100000.00"),
        java.time.Instant.parse("2023-01-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-03-20T10:00:00");
    ProcessInstance pi = scenario.start(a);
    scenario.prepare(pi, "100000", "Information juridique sur l'ensemble du département", "2023-03-06");
    scenario.sign(pi, "2023-03-14", "2023-03-16");
    Long id = scenario.agreementId(pi);
    Payment advance = only(scenario.payments(id), PaymentKind.ADVANCE);
    assertThat(advance.getAmount()).isEqualByComparingTo("100000.00");
    scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-03-20", "M-2023-0101");

    ProcessTestSupport.clock("2024-02-15T10:00:00");
    scenario.finalReport(pi, "2024-02-14", true);
    assertThat(pi).isEnded().hasPassed("Task_Settle").hasNotPassed("Task_CertifyService", "Task_OrderBalance", "Task_OrderRecovery");
    assertThat(pi).isEnded().hasPassed(GrantAgreementProcess.END_CLOSED);
    List<Payment> payments = scenario.payments(id);
    assertThat(payments).hasSize(1);
    assertThat(payments.get(0).getStatus()).isEqualTo(PaymentStatus.PAID);
    assertThat(payments.get(0).getMandateNumber()).isEqualTo("M-2023-0101");
    assertThat(scenario.agreement(id).getStatus()).isEqualTo(AgreementStatus.CLOSED);
  }

  @Test
  void astreAdvanceThenBalanceForFewerMeasures() {
    ProcessInstance pi = astreSigned();
    Long id = scenario.agreementId(pi);
    assertThat(scenario.agreement(id).getStatus()).isEqualTo(AgreementStatus.SIGNED);
    assertThat(only(scenario.payments(id), PaymentKind.ADVANCE).getAmount()).isEqualByComparingTo("33600.00");
    scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-10-25", "M-2023-4410");

    ProcessTestSupport.clock("2024-12-16T10:00:00");
    scenario.finalReport(pi, "2024-12-15", true);
    // 18 measures of 12 months and 2 diagnostics: 216 × 175 + 2 × 375 = 38 550,00 → balance 4 950,00
    scenario.serviceRendered(pi, Map.of("MESURE_MOIS", 216, "DIAGNOSTIC", 2), "2024-12-16");
    GrantAgreement agreement = scenario.agreement(id);
    assertThat(agreement.getAmountDue()).isEqualByComparingTo("38550.00");
    Payment balance = only(scenario.payments(id), PaymentKind.BALANCE);
    assertThat(balance.getAmount()).isEqualByComparingTo("4950.00");
    scenario.mandate(pi, TASK_VALIDATE_BALANCE, "2024-12-16", "M-2024-5120");
    assertThat(pi).isEnded().hasPassed(GrantAgreementProcess.END_CLOSED);
    assertThat(scenario.agreement(id).getStatus()).isEqualTo(AgreementStatus.CLOSED);
  }

  @Test
  void astreFarFewerMeasuresThanTheAdvanceGivesARecovery() {
    ProcessInstance pi = astreSigned();
    Long id = scenario.agreementId(pi);
    scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-10-25", "M-2023-4411");
    ProcessTestSupport.clock("2024-12-16T10:00:00");
    scenario.finalReport(pi, "2024-12-15", true);
    // 15 measures of 12 months, one of 7: 187 × 175 = 32 725,00 < 33 600,00 → titre de recette 875,00
    scenario.serviceRendered(pi, Map.of("MESURE_MOIS", 187, "DIAGNOSTIC", 0), "2024-12-16");
    Payment recovery = only(scenario.payments(id), PaymentKind.RECOVERY);
    assertThat(recovery.getAmount()).isEqualByComparingTo("875.00");
    assertThat(recovery.getOrderNumber()).startsWith("TR-");
    assertThat(scenario.payments(id)).noneMatch(p -> p.getKind() == PaymentKind.BALANCE);
    assertThat(pi).isEnded().hasPassed("SendTask_NotifyRecovery", GrantAgreementProcess.END_CLOSED);
    assertThat(TestMailServer.messagesTo(scenario.agreement(id).getOperatorEmail())).isNotEmpty();
  }

  @Test
  void preventionAmi2AdvanceMonthlyTablesAndFullService() {
    ProcessInstance pi = preventionSigned();
    Long id = scenario.agreementId(pi);
    assertThat(only(scenario.payments(id), PaymentKind.ADVANCE).getAmount()).isEqualByComparingTo("15296.20");
    scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-10-27", "M-2023-6001");
    monthlyTables(pi, id);

    ProcessTestSupport.clock("2024-12-02T10:00:00");
    scenario.finalReport(pi, "2024-12-01", true);
    // full service: 157 VEJ × 162,38 € = 25 493,66 € → balance 10 197,46 €
    scenario.serviceRendered(pi, Map.of("VEJ", 157, "PORTE_CLOSE", 0), "2024-12-02");
    assertThat(only(scenario.payments(id), PaymentKind.BALANCE).getAmount()).isEqualByComparingTo("10197.46");
    scenario.mandate(pi, TASK_VALIDATE_BALANCE, "2024-12-02", "M-2024-7001");
    assertThat(pi).isEnded().hasPassed(GrantAgreementProcess.END_CLOSED);
    BigDecimal total = scenario.payments(id).stream().map(Payment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(total).isEqualByComparingTo("25493.66");
  }

  @Test
  void preventionAmi2DueAmountFromTheCounts() {
    ProcessInstance pi = preventionSigned();
    Long id = scenario.agreementId(pi);
    scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-10-27", "M-2023-6002");
    monthlyTables(pi, id);
    ProcessTestSupport.clock("2024-12-02T10:00:00");
    scenario.finalReport(pi, "2024-12-01", true);
    // 120 VEJ × 162,38 + 50 portes closes × 39,12 = 19 485,60 + 1 956,00 = 21 441,60 → balance 6 145,40
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("VEJ", 120);
    counts.put("PORTE_CLOSE", 50);
    scenario.serviceRendered(pi, counts, "2024-12-02");
    assertThat(scenario.agreement(id).getAmountDue()).isEqualByComparingTo("21441.60");
    assertThat(only(scenario.payments(id), PaymentKind.BALANCE).getAmount()).isEqualByComparingTo("6145.40");
  }

  private ProcessInstance preventionSigned() {
    ProcessTestSupport.clock("2023-08-10T10:00:00");
    String call = scenario.call("prevention-ami2");
    Application a = scenario.application(call, "AMI2", "BOULONNAIS", new BigDecimal("25493.66"),
        java.time.Instant.parse("2023-08-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-10-27T10:00:00");
    ProcessInstance pi = scenario.start(a);
    scenario.prepare(pi, "25493.66", "157 visites explicatives de jugement", "2023-10-09");
    scenario.sign(pi, "2023-10-20", "2023-10-25");
    return pi;
  }

  /** The monthly reporting table: a reminder before, a receipt task on each due date (11 within the period). */
  private void monthlyTables(ProcessInstance pi, Long id) {
    for (int month = 1; month <= 11; month++) {
      LocalDateTime due = LocalDateTime.of(2023, 11, 1, 0, 0).plusMonths(month);
      ProcessTestSupport.clock(due.minusDays(10).toString());
      ProcessTestSupport.executeDueJobs(engine);
      assertThat(pi).isNotWaitingAt(GrantAgreementProcess.TASK_RECEIVE_INTERIM);
      ProcessTestSupport.clock(due.plusHours(10).toString());
      ProcessTestSupport.executeDueJobs(engine);
      assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECEIVE_INTERIM);
      complete(task(GrantAgreementProcess.TASK_RECEIVE_INTERIM, pi),
          Map.of("reportReceivedOn", due.toLocalDate().toString(), "reportSummary", "Tableau mensuel " + month));
      ProcessTestSupport.executeDueJobs(engine);
    }
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECEIVE_FINAL);
  }

  @Test
  void numeroVertNothingAtSignatureThen18000OnTheApprovedFinalReport() {
    ProcessTestSupport.clock("2023-01-10T10:00:00");
    String call = scenario.call("numero-vert");
    Application a = scenario.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("18000.00"),
        java.time.Instant.parse("2023-01-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-03-20T10:00:00");
    ProcessInstance pi = scenario.start(a);
    scenario.prepare(pi, "18000", "Numéro vert départemental", "2023-03-06");
    scenario.sign(pi, "2023-03-14", "2023-03-16");
    Long id = scenario.agreementId(pi);
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECEIVE_FINAL).hasNotPassed(GrantAgreementProcess.TASK_ORDER_ADVANCE);
    assertThat(scenario.payments(id)).isEmpty();

    ProcessTestSupport.clock("2024-03-05T10:00:00");
    scenario.finalReport(pi, "2024-03-04", false);
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECEIVE_FINAL);
    assertThat(scenario.payments(id)).isEmpty();
    scenario.finalReport(pi, "2024-03-05", true);
    Payment payment = only(scenario.payments(id), PaymentKind.BALANCE);
    assertThat(payment.getAmount()).isEqualByComparingTo("18000.00");
    scenario.mandate(pi, TASK_VALIDATE_BALANCE, "2024-03-05", "M-2024-0305");
    assertThat(pi).isEnded().hasPassed(GrantAgreementProcess.END_CLOSED).hasNotPassed(GrantAgreementProcess.TASK_CERTIFY_SERVICE);
  }

  @Test
  void amendmentRaisesTheAmountBeforeTheBalance() {
    ProcessInstance pi = astreSigned();
    Long id = scenario.agreementId(pi);
    scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-10-25", "M-2023-4412");
    ProcessTestSupport.clock("2024-03-01T10:00:00");
    engine.getRuntimeService().createMessageCorrelation(GrantAgreementProcess.MSG_AMENDMENT_REQUESTED)
        .processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable("amendmentReason", "Deux mesures supplémentaires sur l'Audomarois")
        .correlateWithResult();
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_REVIEW_AMENDMENT, GrantAgreementProcess.TASK_RECEIVE_FINAL);
    // an approved avenant that changes nothing is refused with a message, the task comes back
    complete(task(GrantAgreementProcess.TASK_REVIEW_AMENDMENT, pi), Map.of("amendmentDecision", "APPROVED",
        "amendmentComment", "Accord"));
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_REVIEW_AMENDMENT);
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "amendmentError")).contains("modifie le montant");
    complete(task(GrantAgreementProcess.TASK_REVIEW_AMENDMENT, pi), Map.of("amendmentDecision", "APPROVED",
        "amendmentNewAmount", 46200.0, "amendmentComment", "Deux mesures de plus"));
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(pi).hasPassed("EndEvent_AmendmentApproved");
    assertThat(scenario.agreement(id).getAmount()).isEqualByComparingTo("46200.00");
    List<Amendment> history = amendments.findByAgreementIdOrderBySequenceNumberAsc(id);
    assertThat(history).hasSize(1);
    assertThat(history.get(0).getPreviousAmount()).isEqualByComparingTo("42000.00");
    assertThat(history.get(0).getNewAmount()).isEqualByComparingTo("46200.00");

    ProcessTestSupport.clock("2024-12-16T10:00:00");
    scenario.finalReport(pi, "2024-12-15", true);
    // 22 measures × 12 months × 175 € = 46 200,00 → balance 46 200,00 − 33 600,00 = 12 600,00
    scenario.serviceRendered(pi, Map.of("MESURE_MOIS", 264, "DIAGNOSTIC", 0), "2024-12-16");
    assertThat(only(scenario.payments(id), PaymentKind.BALANCE).getAmount()).isEqualByComparingTo("12600.00");
  }

  @Test
  void terminationAfterTwoMonthsWithoutRemedyReclaimsTheUnspentAdvance() {
    ProcessInstance pi = astreSigned();
    Long id = scenario.agreementId(pi);
    scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-10-25", "M-2023-4413");
    ProcessTestSupport.clock("2024-02-01T10:00:00");
    engine.getRuntimeService().createMessageCorrelation(GrantAgreementProcess.MSG_TERMINATION_NOTICE)
        .processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable("terminationReason", "aucun accompagnement réalisé depuis trois mois")
        .correlateWithResult();
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(scenario.agreement(id).getNoticeSentOn()).isEqualTo("2024-02-01");
    ProcessTestSupport.clock("2024-03-31T10:00:00");
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECEIVE_FINAL);
    ProcessTestSupport.clock("2024-04-02T10:00:00");
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_STATE_EXPENSES);
    complete(task(GrantAgreementProcess.TASK_STATE_EXPENSES, pi), Map.of("justifiedExpenses", 10500.0,
        "terminationComment", "Trois mois d'accompagnement justifiés"));
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(pi).isEnded().hasPassed(GrantAgreementProcess.END_TERMINATED);
    assertThat(scenario.agreement(id).getStatus()).isEqualTo(AgreementStatus.TERMINATED);
    // advance 33 600,00 paid, 10 500,00 justified → 23 100,00 reclaimed
    assertThat(only(scenario.payments(id), PaymentKind.RECOVERY).getAmount()).isEqualByComparingTo("23100.00");
  }

  @Test
  void thePaymentJobExecutedTwiceCreatesOnePayment() {
    ProcessInstance pi = astreSigned();
    Long id = scenario.agreementId(pi);
    assertThat(scenario.payments(id)).hasSize(1);
    // re-execute the advance order (as after a crash between the order and the commit of the job)
    engine.getRuntimeService().createProcessInstanceModification(pi.getId())
        .startBeforeActivity(GrantAgreementProcess.TASK_ORDER_ADVANCE).execute();
    assertThat(ProcessTestSupport.executeDueJobs(engine)).isEqualTo(1);
    assertThat(scenario.payments(id)).hasSize(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TASK_VALIDATE_ADVANCE).list()).hasSize(2)
        .allSatisfy(t -> assertThat(engine.getRuntimeService().getVariable(pi.getId(), "paymentId"))
            .isEqualTo(scenario.payments(id).get(0).getId()));
  }

  @Test
  void signaturesInTheFutureOrBeforeTheDecisionAreRefused() {
    ProcessTestSupport.clock("2023-05-10T10:00:00");
    String call = scenario.call("astre");
    Application a = scenario.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("42000.00"),
        java.time.Instant.parse("2023-05-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-10-25T10:00:00");
    ProcessInstance pi = scenario.start(a);
    // above the lot's envelope: back to the preparation with a message
    scenario.prepare(pi, "42000.01", "20 mesures", "2023-10-02");
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_PREPARE);
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "agreementError")).contains("enveloppe");
    scenario.prepare(pi, "42000", "20 mesures", "2023-10-02");
    scenario.sign(pi, "2023-10-26", "2023-10-24");
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECORD_SIGNATURES);
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "signatureError")).contains("futur");
    scenario.sign(pi, "2023-10-01", "2023-10-24");
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "signatureError")).contains("précède la décision");
    scenario.sign(pi, "2023-10-20", "2023-10-24");
    assertThat(pi).isWaitingAt(TASK_VALIDATE_ADVANCE);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "signatureError")).isNull();
  }
}
