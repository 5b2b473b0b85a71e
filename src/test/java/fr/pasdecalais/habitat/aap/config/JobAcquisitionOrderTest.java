package fr.pasdecalais.habitat.aap.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The job executor takes the due jobs oldest first (an index on the due date, V38, instead of a scan
 * of the job table): every job has a due date, an asynchronous step the instant it was created.
 */
@SpringScenarioTest
class JobAcquisitionOrderTest {

  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anAsynchronousStepIsDueWhenCreatedAndTheOldestDueJobsAreAcquiredFirst() {
    engine.getRepositoryService().createDeployment().name("test-acquisition-order")
        .addModelInstance("test-acquisition-order.bpmn", Bpmn.createExecutableProcess("Process_TestAcquisitionOrder")
            .name("Essai d'ordre d'acquisition").camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Start").name("Début")
            .manualTask("Task_Step").name("Étape").camundaAsyncBefore()
            .endEvent("EndEvent_Done").name("Fait")
            .done())
        .deploy();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();

    ClockUtil.setCurrentTime(new Date(1_000_000_000_000L)); // 2001: older than any other job of the suite
    ProcessInstance older = engine.getRuntimeService().startProcessInstanceByKey("Process_TestAcquisitionOrder");
    ClockUtil.setCurrentTime(new Date(1_000_000_060_000L));
    ProcessInstance newer = engine.getRuntimeService().startProcessInstanceByKey("Process_TestAcquisitionOrder");
    Job olderJob = engine.getManagementService().createJobQuery().processInstanceId(older.getId()).singleResult();
    assertThat(olderJob.getDuedate()).isEqualTo(new Date(1_000_000_000_000L));

    ClockUtil.reset();
    List<AcquirableJobEntity> acquired = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getJobManager().findNextJobsToExecute(new Page(0, 2)));
    assertThat(acquired).extracting(AcquirableJobEntity::getProcessInstanceId)
        .containsExactly(older.getId(), newer.getId());

    engine.getRuntimeService().deleteProcessInstance(older.getId(), "fin du test", true, true);
    engine.getRuntimeService().deleteProcessInstance(newer.getId(), "fin du test", true, true);
  }
}
