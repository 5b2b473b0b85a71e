package fr.pasdecalais.habitat.aap.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentKind;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A payment order under retry (issue 14): the job that orders the advance fails after the order was
 * written (a crash before its commit, reproduced in-process by a step that fails once after it, in the
 * same transaction). The order is rolled back with the job; the engine's retry orders it once; the
 * convention's own "Ordonner le versement à la signature" job, run afterwards on the same convention
 * (a second execution of the step), finds that order and makes no second one.
 */
@SpringScenarioTest
class RetriedPaymentJobsTest {

  @Autowired ProcessEngine engine;
  @Autowired AgreementScenarios scenario;

  @BeforeEach
  void init() {
    ProcessTestSupport.init(engine);
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @Test
  void anAdvanceOrderRolledBackByAFailureIsOrderedOnceByTheRetryAndNotAgainByASecondExecution() {
    ProcessTestSupport.clock("2023-05-10T10:00:00");
    String call = scenario.call("astre");
    Application a = scenario.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("42000.00"),
        java.time.Instant.parse("2023-05-10T08:00:00Z"));
    ProcessTestSupport.clock("2023-10-25T10:00:00");
    ProcessInstance pi = scenario.start(a);
    scenario.prepare(pi, "42000", "20 mesures d'accompagnement de 12 mois", "2023-10-02");
    scenario.completeAs(AgreementScenarios.AGENT, task(GrantAgreementProcess.TASK_RECORD_SIGNATURES, pi),
        Map.of("operatorSignedOn", "2023-10-20", "presidentSignedOn", "2023-10-24"));
    Job orderAdvance = runJobsUntil(pi, GrantAgreementProcess.TASK_ORDER_ADVANCE);
    Long agreementId = scenario.agreementId(pi);
    assertThat(scenario.payments(agreementId)).isEmpty();

    // the same step, run by a job whose transaction fails after the order
    engine.getRepositoryService().createDeployment().name("test-order-then-fail")
        .addModelInstance("test-order-then-fail.bpmn", Bpmn.createExecutableProcess("Process_TestOrderThenFail")
            .name("Essai d'ordre de paiement puis d'échec").camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Start").name("Début")
            .serviceTask("Task_OrderAdvance").name("Ordonner le versement à la signature").camundaAsyncBefore()
            .camundaDelegateExpression("${orderAdvance}")
            .serviceTask("Task_FailOnce").name("Échouer une fois après l'ordre")
            .camundaClass(FailOnceAfterTheEffect.class.getName())
            .endEvent("EndEvent_Done").name("Fini")
            .done())
        .deploy();
    Map<String, Object> variables = new HashMap<>();
    variables.put(GrantAgreementProcess.VAR_AGREEMENT_ID, agreementId);
    variables.put(GrantAgreementProcess.VAR_PAYMENT_SCHEDULE,
        engine.getRuntimeService().getVariable(pi.getId(), GrantAgreementProcess.VAR_PAYMENT_SCHEDULE));
    ProcessInstance retried = engine.getRuntimeService().startProcessInstanceByKey("Process_TestOrderThenFail", variables);
    ManagementService management = engine.getManagementService();
    FailOnceAfterTheEffect.failures.set(1);
    Job job = management.createJobQuery().processInstanceId(retried.getId()).singleResult();

    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("après l'ordre");
    assertThat(scenario.payments(agreementId)).as("rolled back with the job").isEmpty();

    management.executeJob(management.createJobQuery().processInstanceId(retried.getId()).singleResult().getId());
    List<Payment> afterRetry = scenario.payments(agreementId);
    assertThat(afterRetry).hasSize(1);
    Payment advance = afterRetry.get(0);
    assertThat(advance.getKind()).isEqualTo(PaymentKind.ADVANCE);
    assertThat(advance.getAmount().signum()).isPositive();
    assertThat(advance.getAmount().scale()).isEqualTo(2);

    // the convention's own job for the same step: finds the order, makes no second one
    management.executeJob(orderAdvance.getId());
    ProcessTestSupport.executeDueJobs(engine);
    List<Payment> payments = scenario.payments(agreementId);
    assertThat(payments).hasSize(1);
    assertThat(payments.get(0).getId()).isEqualTo(advance.getId());
    assertThat(payments.get(0).getAmount()).isEqualByComparingTo(advance.getAmount());
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_VALIDATE_ADVANCE);
    engine.getRuntimeService().deleteProcessInstance(pi.getProcessInstanceId(), "fin du test", true, true);
  }

  /** Runs the due jobs of the convention's process one by one until the next one is at {@code activityId}. */
  private Job runJobsUntil(ProcessInstance pi, String activityId) {
    ManagementService management = engine.getManagementService();
    for (int i = 0; i < 20; i++) {
      Job at = management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).executable().singleResult();
      if (at != null) {
        return at;
      }
      List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
      assertThat(due).as("a job is due").isNotEmpty();
      management.executeJob(due.get(0).getId());
    }
    throw new AssertionError("No job at " + activityId);
  }

  /** The step after the order, in the same transaction: fails as many times as asked. */
  public static class FailOnceAfterTheEffect implements JavaDelegate {
    static final AtomicInteger failures = new AtomicInteger();

    @Override
    public void execute(DelegateExecution execution) {
      if (failures.getAndDecrement() > 0) {
        throw new IllegalStateException("Échec simulé après l'ordre, avant la validation de la transaction");
      }
    }
  }
}
