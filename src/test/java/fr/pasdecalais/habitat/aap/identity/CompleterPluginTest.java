package fr.pasdecalais.habitat.aap.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who completed a task is the authenticated user, in the engine itself (any door). */
@SpringScenarioTest
class CompleterPluginTest {

  @Autowired ProcessEngine engine;

  @BeforeEach
  void deploy() {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("Process_CompleterFixture").count() == 0) {
      engine.getRepositoryService().createDeployment().name("completer-fixture")
          .addModelInstance("completer-fixture.bpmn", Bpmn.createExecutableProcess("Process_CompleterFixture")
              .camundaHistoryTimeToLive(1)
              .startEvent().userTask("Task_Group").name("Tâche de groupe").camundaCandidateGroups(Groups.INSTRUCTEURS)
              .userTask("Task_Assigned").name("Tâche attribuée").camundaAssignee("${juryMember}")
              .endEvent().done())
          .deploy();
    }
  }

  @AfterEach
  void clear() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void aGroupTaskCompletedWithoutClaimIsRecordedAsCompletedByTheAuthenticatedUser() {
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("Process_CompleterFixture",
        Map.of("juryMember", "jure.un"));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    engine.getIdentityService().setAuthentication("agent.deux", List.of(Groups.INSTRUCTEURS));
    engine.getTaskService().complete(task.getId());
    engine.getIdentityService().clearAuthentication();

    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
        .getAssignee()).isEqualTo("agent.deux");
  }

  @Test
  void aTaskGivenToSomeoneIsCompletedByThatPersonOnly() {
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("Process_CompleterFixture",
        Map.of("juryMember", "jure.un"));
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .singleResult().getId());
    Task opinion = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();

    engine.getIdentityService().setAuthentication("jure.deux", List.of(Groups.JURY, Groups.ADMIN));
    assertThatThrownBy(() -> engine.getTaskService().complete(opinion.getId()))
        .hasMessageContaining("est attribuée à jure.un : seule cette personne peut la terminer");
    engine.getIdentityService().clearAuthentication();
    assertThat(engine.getTaskService().createTaskQuery().taskId(opinion.getId()).count()).as("still open").isEqualTo(1);

    engine.getIdentityService().setAuthentication("jure.un", List.of(Groups.JURY));
    engine.getTaskService().complete(opinion.getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }
}
