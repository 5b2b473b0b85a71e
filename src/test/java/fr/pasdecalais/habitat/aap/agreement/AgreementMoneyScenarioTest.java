package fr.pasdecalais.habitat.aap.agreement;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.TASK_VALIDATE_ADVANCE;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.TASK_VALIDATE_BALANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentKind;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Money as the documents write it, through grant-agreement: each lot's own rule and terms, the
 * volume pre-filled in the rule's unit, no volume for a fixed amount, the rule's cap at the
 * convention; amounts to the cent, the convention's text read.
 */
@SpringScenarioTest
class AgreementMoneyScenarioTest {

  @Autowired ProcessEngine engine;
  @Autowired AgreementScenarios scenario;
  @Autowired AgreementFormService forms;
  @Autowired CallCatalog calls;

  @BeforeEach
  void init() {
    ProcessTestSupport.init(engine);
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  private Object variable(ProcessInstance pi, String name) {
    return engine.getRuntimeService().getVariable(pi.getId(), name);
  }

  private String conventionText(Long agreementId) {
    GrantAgreement a = scenario.agreement(agreementId);
    var call = calls.getByReference(a.getCallReference());
    return new ConventionPdfRenderer().fill(call.getFunder().getKind(), forms.templateValues(a, call));
  }

  private static Payment only(List<Payment> payments, PaymentKind kind) {
    List<Payment> of = payments.stream().filter(p -> p.getKind() == kind).toList();
    assertThat(of).hasSize(1);
    return of.get(0);
  }

  @Test
  void astreVolumeIsPreFilledAs72MeasureMonthsFor12600EurosNotAsSixMonths() {
    ProcessTestSupport.clock("2023-05-10T10:00:00");
    String call = scenario.call("astre");
    Application a = scenario.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("12600.00"),
        Instant.parse("2023-05-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-10-25T10:00:00");
    ProcessInstance pi = scenario.start(a, new BigDecimal("12600.00"), 6);

    assertThat(variable(pi, "agreementUnits")).isEqualTo("72 mois de mesure d'accompagnement à 175,00 €");
    assertThat(variable(pi, "volumeRequired")).isEqualTo(true);
    scenario.prepare(pi, "12600", (String) variable(pi, "agreementUnits"), "2023-10-02");
    scenario.sign(pi, "2023-10-20", "2023-10-24");

    Long id = scenario.agreementId(pi);
    assertThat(conventionText(id))
        .contains("d'un montant maximal de 12 600,00 €. Volume retenu : 72 mois de mesure d'accompagnement à 175,00 €.")
        .contains("Une avance de 80 %, soit 10 080,00 €, à la signature ; le solde, au plus 2 520,00 €, au service fait");
    assertThat(only(scenario.payments(id), PaymentKind.ADVANCE).getAmount()).isEqualByComparingTo("10080.00");
  }

  @Test
  void aFixedAmountHasNoVolumeToTypeAndTheConventionStatesTheAmount() {
    ProcessTestSupport.clock("2023-01-10T10:00:00");
    String call = scenario.call("info-juridique");
    Application a = scenario.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("100000.00"),
        Instant.parse("2023-01-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-03-20T10:00:00");
    ProcessInstance pi = scenario.start(a);

    assertThat(variable(pi, "volumeRequired")).isEqualTo(false);
    assertThat(variable(pi, "agreementUnits")).isNull();
    scenario.prepareWithoutVolume(pi, "100000", "2023-03-06");
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECORD_SIGNATURES);

    Long id = scenario.agreementId(pi);
    assertThat(scenario.agreement(id).getUnits()).isNull();
    assertThat(conventionText(id))
        .contains("d'un montant maximal de 100 000,00 €. Participation forfaitaire, sans volume à justifier.")
        .doesNotContain("Volume retenu")
        .contains("La participation de 100 000,00 € est versée en une seule fois à la signature de la convention.");
  }

  @Test
  void theConventionRefusesAnAmountAboveTheCapPerEtpForTheEtpGranted() {
    ProcessTestSupport.clock("2023-01-10T10:00:00");
    String call = scenario.call("coordinateurs");
    Application a = scenario.application(call, "UNIQUE", "LENS_HENIN", new BigDecimal("55000.00"),
        Instant.parse("2023-01-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-03-20T10:00:00");
    // a decision recorded above the rule (1 ETP for 70 000 €): the convention does not follow it
    ProcessInstance pi = scenario.start(a, new BigDecimal("70000.00"), 1);
    assertThat(variable(pi, "agreementUnits")).isEqualTo("1 ETP");

    scenario.prepare(pi, "70000", "1 ETP", "2023-03-06");

    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_PREPARE);
    assertThat((String) variable(pi, "agreementError")).contains(
        "le montant de la convention (70 000,00 €) dépasse le plafond de 55 000,00 € par ETP appliqué à 1 ETP (55 000,00 €)");

    scenario.prepare(pi, "55000", "1 ETP", "2023-03-06");
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECORD_SIGNATURES);
    scenario.sign(pi, "2023-03-14", "2023-03-16");
    // 60 %: 33 000 + 22 000
    assertThat(only(scenario.payments(scenario.agreementId(pi)), PaymentKind.ADVANCE).getAmount()).isEqualByComparingTo("33000.00");
  }

  @Test
  void preventionAmi1IsAFixed80928EurosFromFilingToTheLastPaymentWhileAmi2KeepsItsUnitPrices() {
    ProcessTestSupport.clock("2023-01-20T10:00:00");
    String call = scenario.call("prevention");
    Application a = scenario.application(call, "AMI1", "LENS_HENIN", new BigDecimal("80928.00"),
        Instant.parse("2023-01-20T08:00:00Z"));
    ProcessTestSupport.clock("2023-03-20T10:00:00");
    ProcessInstance pi = scenario.start(a);

    assertThat(variable(pi, "fundingLabel")).isEqualTo("montant forfaitaire de 80 928,00 €");
    assertThat(variable(pi, "periodLabel").toString()).contains("01/01/2023").contains("31/12/2023");
    scenario.prepareWithoutVolume(pi, "80928", "2023-03-06");
    scenario.sign(pi, "2023-03-14", "2023-03-16");
    Long id = scenario.agreementId(pi);
    assertThat(conventionText(id)).contains(
        "Une avance de 60 %, soit 48 556,80 €, à la signature ; le solde, au plus 32 371,20 €, au service fait");
    assertThat(only(scenario.payments(id), PaymentKind.ADVANCE).getAmount()).isEqualByComparingTo("48556.80");
    scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-03-20", "M-2023-0801");

    // the monthly table ("fourni mensuellement"): eleven within 2023, the first two already due at signature
    for (int month = 1; month <= 11; month++) {
      java.time.LocalDateTime due = java.time.LocalDateTime.of(2023, 1, 1, 0, 0).plusMonths(month);
      if (month > 2) {
        ProcessTestSupport.clock(due.plusHours(10).toString());
      }
      ProcessTestSupport.executeDueJobs(engine);
      assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECEIVE_INTERIM);
      complete(task(GrantAgreementProcess.TASK_RECEIVE_INTERIM, pi), Map.of("reportReceivedOn",
          month > 2 ? due.toLocalDate().toString() : "2023-03-20", "reportSummary", "Tableau de reporting " + month));
      ProcessTestSupport.executeDueJobs(engine);
    }

    ProcessTestSupport.clock("2024-02-15T10:00:00");
    scenario.finalReport(pi, "2024-02-14", true);
    scenario.serviceRendered(pi, Map.of("AMOUNT", "80928.00"), "2024-02-15");
    assertThat(scenario.agreement(id).getAmountDue()).isEqualByComparingTo("80928.00");
    Payment balance = only(scenario.payments(id), PaymentKind.BALANCE);
    assertThat(balance.getAmount()).isEqualByComparingTo("32371.20");
    scenario.mandate(pi, TASK_VALIDATE_BALANCE, "2024-02-15", "M-2024-0802");
    assertThat(pi).isEnded().hasPassed(GrantAgreementProcess.END_CLOSED);

    // the same call's AMI 2 keeps unit prices: 157 VEJ = 25 493,66 €, pre-filled in VEJ
    ProcessTestSupport.clock("2023-08-10T10:00:00");
    Application b = scenario.application(call, "AMI2", "BOULONNAIS", new BigDecimal("25493.66"),
        Instant.parse("2023-08-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-10-27T10:00:00");
    ProcessInstance second = scenario.start(b);
    assertThat(variable(second, "agreementUnits")).isEqualTo("157 visite explicative de jugement à 162,38 €");
    assertThat(variable(second, "volumeRequired")).isEqualTo(true);
  }

  @Test
  void aCallWithA70PercentAdvanceHasAScheduleWhenItsConventionIsSigned() {
    ProcessTestSupport.clock("2023-05-10T10:00:00");
    String call = scenario.call("astre-70");
    Application a = scenario.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("42000.00"),
        Instant.parse("2023-05-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-10-25T10:00:00");
    ProcessInstance pi = scenario.start(a);
    scenario.prepare(pi, "42000", (String) variable(pi, "agreementUnits"), "2023-10-02");
    scenario.sign(pi, "2023-10-20", "2023-10-24");

    assertThat(pi).hasPassed(GrantAgreementProcess.TASK_ORDER_ADVANCE);
    assertThat(scenario.agreement(scenario.agreementId(pi)).getScheduleLabel())
        .isEqualTo("Avance de 70 % à la signature, solde au service fait");
    assertThat(only(scenario.payments(scenario.agreementId(pi)), PaymentKind.ADVANCE).getAmount()).isEqualByComparingTo("29400.00");
  }

  @Test
  void thirtyPercentAtSignatureThirtyWhenTheInterimReportIsInAndTheBalanceOnServiceFaitSumTo42000() {
    ProcessTestSupport.clock("2023-05-10T10:00:00");
    String call = scenario.call("astre-instalments");
    Application a = scenario.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("42000.00"),
        Instant.parse("2023-05-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-10-25T10:00:00");
    ProcessInstance pi = scenario.start(a);
    assertThat(variable(pi, "paymentTermsLabel"))
        .isEqualTo("30 % à la signature, 30 % à l'approbation du bilan BILAN_6M, solde au service fait");
    scenario.prepare(pi, "42000", (String) variable(pi, "agreementUnits"), "2023-10-02");
    scenario.sign(pi, "2023-10-20", "2023-10-24");
    Long id = scenario.agreementId(pi);
    assertThat(conventionText(id)).contains("Une avance de 30 %, soit 12 600,00 €, à la signature ; un versement "
        + "intermédiaire de 30 %, soit 12 600,00 €, à l'approbation du bilan BILAN_6M ; le solde, au plus 16 800,00 €, au service fait");
    assertThat(only(scenario.payments(id), PaymentKind.ADVANCE).getAmount()).isEqualByComparingTo("12600.00");
    scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-10-25", "M-2023-7001");

    // the interim report at six months (01/05/2024) is in: the instalment is ordered, once
    ProcessTestSupport.clock("2024-05-01T10:00:00");
    ProcessTestSupport.executeDueJobs(engine);
    complete(task(GrantAgreementProcess.TASK_RECEIVE_INTERIM, pi),
        Map.of("reportReceivedOn", "2024-05-01", "reportSummary", "Bilan à six mois"));
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_VALIDATE_INSTALMENT);
    Payment instalment = only(scenario.payments(id), PaymentKind.INSTALMENT);
    assertThat(instalment.getAmount()).isEqualByComparingTo("12600.00");
    assertThat(instalment.getInstalment()).isEqualTo(1);
    scenario.mandate(pi, GrantAgreementProcess.TASK_VALIDATE_INSTALMENT, "2024-05-01", "M-2024-7002");
    assertThat(only(scenario.payments(id), PaymentKind.INSTALMENT).getMandateNumber()).isEqualTo("M-2024-7002");
    assertThat(pi).isNotWaitingAt(GrantAgreementProcess.TASK_VALIDATE_INSTALMENT);

    // service fait on the whole 240 measure-months: the balance is the remainder
    ProcessTestSupport.clock("2024-12-16T10:00:00");
    scenario.finalReport(pi, "2024-12-15", true);
    scenario.serviceRendered(pi, Map.of("MESURE_MOIS", 240), "2024-12-16");
    Payment balance = only(scenario.payments(id), PaymentKind.BALANCE);
    assertThat(balance.getAmount()).isEqualByComparingTo("16800.00");
    scenario.mandate(pi, TASK_VALIDATE_BALANCE, "2024-12-16", "M-2024-7003");
    assertThat(pi).isEnded().hasPassed(GrantAgreementProcess.END_CLOSED);
    assertThat(scenario.payments(id).stream().map(Payment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("42000.00");
  }
}
