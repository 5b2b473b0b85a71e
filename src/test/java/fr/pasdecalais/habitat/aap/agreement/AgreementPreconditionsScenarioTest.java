package fr.pasdecalais.habitat.aap.agreement;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.TASK_VALIDATE_ADVANCE;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.TASK_VALIDATE_BALANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.decision.AwardDecisions;
import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentKind;
import fr.pasdecalais.habitat.aap.payment.PaymentRefusedException;
import fr.pasdecalais.habitat.aap.shared.RefusedException;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A convention only for a granted dossier, payments only for a signed one, and who did each step. */
@SpringScenarioTest
class AgreementPreconditionsScenarioTest {

  @Autowired ProcessEngine engine;
  @Autowired AgreementScenarios scenario;
  @Autowired AgreementSettlementService agreements;
  @Autowired GrantAgreementRepository repository;
  @Autowired AwardDecisions decisions;

  @BeforeEach
  void init() {
    ProcessTestSupport.init(engine);
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  private Application astreDossier() {
    ProcessTestSupport.clock("2023-05-10T10:00:00");
    String call = scenario.call("astre");
    Application a = scenario.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("42000.00"),
        Instant.parse("2023-05-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-10-25T10:00:00");
    return a;
  }

  private long instancesOf(Application a) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(GrantAgreementProcess.KEY)
        .processInstanceBusinessKey(a.getReference()).count();
  }

  @Test
  void startingAConventionForADossierNeverGrantedIsRefusedAndLeavesNothing() {
    Application a = astreDossier();
    Map<String, Object> vars = new HashMap<>(Map.of("applicationId", a.getId(), "agreementAmount", 50000.0,
        "callReference", a.getCallReference(), "lotCode", a.getLotCode()));

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(GrantAgreementProcess.KEY,
        a.getReference(), vars))
        .isInstanceOf(RefusedException.class)
        .hasMessage("Le dossier " + a.getReference()
            + " n'a pas de décision d'attribution accordée : aucune convention ne peut être établie.");
    assertThat(instancesOf(a)).isZero();
    assertThat(repository.findByApplicationReference(a.getReference())).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(a.getReference())
        .processDefinitionKey(GrantAgreementProcess.KEY).count()).isZero();
  }

  @Test
  void startingAConventionWithoutAnyVariableIsRefusedInFrench() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(GrantAgreementProcess.KEY).count();
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(GrantAgreementProcess.KEY))
        .isInstanceOf(RefusedException.class)
        .hasMessage("Une convention ne s'établit que pour un dossier subventionné : aucun dossier n'est indiqué.");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(GrantAgreementProcess.KEY).count()).isEqualTo(before);
  }

  @Test
  void aSecondConventionForAGrantedDossierIsRefused() {
    Application a = astreDossier();
    ProcessInstance pi = scenario.start(a);
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_PREPARE);

    assertThatThrownBy(() -> scenario.startAsCallActivity(a))
        .isInstanceOf(RefusedException.class).hasMessageContaining("déjà en cours");
    assertThat(instancesOf(a)).isEqualTo(1);
  }

  @Test
  void theConventionsAmountIsTheDecisionsNeverAStartVariableNorMore() {
    Application a = astreDossier();
    decisions.grant(a, new BigDecimal("40000.00"), 18, LocalDate.of(2023, 10, 2));
    Map<String, Object> vars = new HashMap<>(Map.of("applicationId", a.getId(), "agreementAmount", 50000.0,
        "callReference", "AUTRE-APPEL", "lotCode", "AUTRE"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(GrantAgreementProcess.KEY, a.getReference(), vars);
    ProcessTestSupport.executeDueJobs(engine);

    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_PREPARE).variables()
        .containsEntry("agreementAmount", 40000.0).containsEntry("callReference", a.getCallReference())
        .containsEntry("lotCode", a.getLotCode());
    scenario.prepare(pi, "42000", "20 mesures", "2023-10-02");
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_PREPARE);
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "agreementError"))
        .contains("dépasse le montant attribué par la décision (40 000,00 €)");
    assertThat(repository.findByApplicationReference(a.getReference())).isEmpty();
    scenario.prepare(pi, "40000", "18 mesures", "2023-10-02");
    assertThat(scenario.agreement(scenario.agreementId(pi)).getAmount()).isEqualByComparingTo("40000.00");
  }

  @Test
  void noPaymentIsOrderedNorRecordedForAnUnsignedConvention() {
    Application a = astreDossier();
    ProcessInstance pi = scenario.start(a);
    scenario.prepare(pi, "42000", "20 mesures", "2023-10-02");
    Long id = scenario.agreementId(pi);
    assertThat(scenario.agreement(id).getStatus()).isEqualTo(AgreementStatus.DRAFT);

    assertThatThrownBy(() -> agreements.orderAdvance(id, 80, "SERVICE_FAIT", "80 % à la signature"))
        .isInstanceOf(RefusedException.class)
        .hasMessage("La convention CONV-" + a.getReference() + " n'est pas en vigueur (non signée) : "
            + "aucun paiement ne peut être ordonné.");
    assertThatThrownBy(() -> agreements.orderBalance(id)).isInstanceOf(RefusedException.class);
    assertThatThrownBy(() -> agreements.orderRecovery(id)).isInstanceOf(RefusedException.class);
    assertThatThrownBy(() -> agreements.confirmPayment(id, 1L, LocalDate.of(2023, 10, 25), "M-1", "laurent.petit"))
        .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("n'est pas en vigueur");
    assertThat(scenario.payments(id)).isEmpty();
  }

  @Test
  void aRecoveryIsOnlyForMoneyPaidAboveTheAmountDue() {
    Application a = astreDossier();
    ProcessInstance pi = scenario.start(a);
    scenario.prepare(pi, "42000", "20 mesures", "2023-10-02");
    scenario.sign(pi, "2023-10-20", "2023-10-24");
    Long id = scenario.agreementId(pi);
    // the advance is ordered, not paid, and nothing is settled: nothing to reclaim
    assertThatThrownBy(() -> agreements.orderRecovery(id))
        .isInstanceOf(RefusedException.class).hasMessageContaining("aucun titre de recette ne peut être émis");
    assertThat(scenario.payments(id)).noneMatch(p -> p.getKind() == PaymentKind.RECOVERY);
  }

  @Test
  void aMandateOfAnotherConventionIsRefusedBackToTheTask() {
    Application other = astreDossier();
    ProcessInstance otherPi = scenario.start(other);
    scenario.prepare(otherPi, "42000", "20 mesures", "2023-10-02");
    scenario.sign(otherPi, "2023-10-20", "2023-10-24");
    Long otherPayment = scenario.payments(scenario.agreementId(otherPi)).get(0).getId();

    Application a = astreDossier();
    ProcessInstance pi = scenario.start(a);
    scenario.prepare(pi, "42000", "20 mesures", "2023-10-02");
    scenario.sign(pi, "2023-10-20", "2023-10-24");
    engine.getRuntimeService().setVariable(pi.getId(), "paymentId", otherPayment);
    scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-10-25", "M-2023-9999");

    assertThat(pi).isWaitingAt(TASK_VALIDATE_ADVANCE);
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "paymentError"))
        .contains("n'appartient pas à la convention CONV-" + a.getReference());
    assertThat(scenario.payments(scenario.agreementId(otherPi)).get(0).getMandateNumber()).isNull();
  }

  @Test
  void whoRecordedTheSignaturesValidatedTheMandatesAndCertifiedTheServiceAreTheCompletingUsers() {
    Application a = astreDossier();
    ProcessInstance pi = scenario.start(a);
    scenario.prepare(pi, "42000", "20 mesures d'accompagnement de 12 mois", "2023-10-02");
    scenario.completeAs("julien.bernard", org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(
        GrantAgreementProcess.TASK_RECORD_SIGNATURES, pi), Map.of("operatorSignedOn", "2023-10-20",
        "presidentSignedOn", "2023-10-24"));
    ProcessTestSupport.executeDueJobs(engine);
    Long id = scenario.agreementId(pi);
    scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-10-25", "M-2023-4420");
    ProcessTestSupport.clock("2024-12-16T10:00:00");
    scenario.finalReport(pi, "2024-12-15", true);
    scenario.serviceRendered(pi, Map.of("MESURE_MOIS", 216, "DIAGNOSTIC", 2), "2024-12-16");
    scenario.mandate(pi, TASK_VALIDATE_BALANCE, "2024-12-16", "M-2024-5121");

    assertThat(pi).isEnded().hasPassed(GrantAgreementProcess.END_CLOSED);
    GrantAgreement agreement = scenario.agreement(id);
    assertThat(agreement.getSignaturesRecordedBy()).isEqualTo("julien.bernard");
    assertThat(agreement.getServiceRenderedBy()).isEqualTo(AgreementScenarios.AGENT);
    assertThat(scenario.payments(id)).extracting(Payment::getKind, Payment::getValidatedBy).containsExactly(
        org.assertj.core.groups.Tuple.tuple(PaymentKind.ADVANCE, AgreementScenarios.FINANCE),
        org.assertj.core.groups.Tuple.tuple(PaymentKind.BALANCE, AgreementScenarios.FINANCE));
    // to the cent: 33 600,00 advance + 4 950,00 balance = 38 550,00 due
    assertThat(scenario.payments(id)).extracting(p -> p.getAmount().toPlainString()).containsExactly("33600.00", "4950.00");
  }
}
