package fr.pasdecalais.habitat.aap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailSendException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * A job that loses a write conflict to another transaction (which has committed) runs again within
 * seconds, not after the one-minute retry cycle meant for outages; it still counts as one of the 20
 * runs, and Cockpit's message says in French what happened.
 */
@SpringScenarioTest
class WriteConflictRetryTest {

  /** Conflicts still to lose before the step goes through. */
  static final AtomicInteger CONFLICTS = new AtomicInteger();

  /** A step whose transaction loses to a concurrent one, as a juror's recording did on the dossier's counter. */
  public static class ConflictingStep implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      if (CONFLICTS.getAndDecrement() > 0) {
        throw new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE VariableInstanceEntity[x]' failed.");
      }
    }
  }

  @Autowired ProcessEngine engine;

  @Test
  void aJobThatLosesAWriteConflictRunsAgainWithinSecondsAndCountsAsOneRun() {
    engine.getRepositoryService().createDeployment().name("test-write-conflict")
        .addModelInstance("test-write-conflict.bpmn", Bpmn.createExecutableProcess("Process_TestWriteConflict")
            .name("Essai de conflit d'écriture").camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Start").name("Début")
            .serviceTask("Task_Conflicting").name("Compter l'avis").camundaAsyncBefore()
            .camundaClass(ConflictingStep.class.getName())
            .endEvent("EndEvent_Done").name("Fait")
            .done())
        .deploy();
    CONFLICTS.set(2);
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("Process_TestWriteConflict");

    for (int attempt = 1; attempt <= 2; attempt++) {
      Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
          .isInstanceOf(OptimisticLockingException.class);
      Job failed = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
      assertThat(failed.getRetries()).isEqualTo(20 - attempt);
      Duration wait = Duration.between(ClockUtil.getCurrentTime().toInstant(), failed.getDuedate().toInstant());
      assertThat(wait).as("pause before run " + (attempt + 1)).isBetween(Duration.ofMillis(-100), Duration.ofMillis(2_100));
      assertThat(failed.getExceptionMessage())
          .isEqualTo("Conflit d'écriture : une autre opération a modifié les mêmes données au même instant "
              + "(l'étape « Compter l'avis »). Rien n'a été enregistré par cette tentative. Le moteur la reprend dans "
              + "quelques secondes (encore " + (20 - attempt) + " essais au plus).");
    }
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();

    Job third = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    engine.getManagementService().executeJob(third.getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void conflictsAreTheEnginesAndJpasOptimisticLockingAndTheDatabasesDeadlocksNotOutages() {
    assertThat(FailedJobsInFrench.writeConflict(new ProcessEngineException("job",
        new ObjectOptimisticLockingFailureException(CallForProjects.class, 167L)))).isTrue();
    assertThat(FailedJobsInFrench.writeConflict(new ProcessEngineException("flush",
        new SQLException("ERROR: deadlock detected", "40P01")))).isTrue();
    assertThat(FailedJobsInFrench.writeConflict(new SQLException("could not serialize access", "40001"))).isTrue();
    assertThat(FailedJobsInFrench.writeConflict(new SQLException("Connection refused", "08001"))).isFalse();
    assertThat(FailedJobsInFrench.writeConflict(new MailSendException("SMTP injoignable"))).isFalse();
    // an outage keeps its one-minute cycle and its message
    assertThat(FailedJobsInFrench.message("Notifier", new SQLException("Connection refused", "08001"), 5))
        .startsWith("Base de données indisponible").contains("toutes les minutes");
  }
}
