package fr.pasdecalais.habitat.aap;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.support.PostgresIntegrationTest;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The platform on a real PostgreSQL: Flyway applied, engine tables, a process round trip. */
@PostgresIntegrationTest
class PlatformOnPostgresIT {

  @Autowired DataSource dataSource;
  @Autowired Flyway flyway;
  @Autowired ProcessEngine engine;

  @Test
  void runsOnPostgresqlWithFlywayAndTheEngine() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    assertThat(flyway.info().pending()).isEmpty();
    assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("postgres");
  }

  @Test
  void processRoundTripIsPersistedInPostgresql() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("Process_RoundTrip")
        .name("Aller-retour").camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Start").name("Début")
        .userTask("Task_Check").name("Vérifier").camundaCandidateGroups("instructeurs")
        .serviceTask("Task_Async").name("Étape asynchrone").camundaAsyncBefore().camundaExpression("${true}")
        .endEvent("EndEvent_Done").name("Fin")
        .done();
    engine.getRepositoryService().createDeployment().name("round-trip")
        .addModelInstance("round-trip.bpmn", model).deploy();

    ProcessInstance pi = engine.getRuntimeService()
        .startProcessInstanceByKey("Process_RoundTrip", "RT-0001", Map.of("reference", "RT-0001"));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_Check");
    engine.getTaskService().complete(task.getId());
    var job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    engine.getManagementService().executeJob(job.getId());

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getEndTime()).isNotNull();
  }
}
