package fr.pasdecalais.habitat.aap.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
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

/** Who may see and do what, through the engine REST API as Tasklist and Cockpit use it. */
@SpringScenarioTest
class AuthorizationTest {

  static final String PASSWORD = "Mot-de-passe-essai-1";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired IdentitySetup identitySetup;

  ProcessInstance instance;
  Task agentTask;

  @BeforeEach
  void setUp() {
    identitySetup.ensureUser("test.instructeur", "Agnès", "Essai", PASSWORD, Groups.INSTRUCTEURS);
    identitySetup.ensureUser("test.jury", "Jules", "Essai", PASSWORD, Groups.JURY);
    identitySetup.ensureUser("test.superviseur", "Sarah", "Essai", PASSWORD, Groups.SUPERVISEURS);
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("Process_AuthzFixture").count() == 0) {
      engine.getRepositoryService().createDeployment().name("authz-fixture")
          .addModelInstance("authz-fixture.bpmn", Bpmn.createExecutableProcess("Process_AuthzFixture")
              .camundaHistoryTimeToLive(1)
              .startEvent().userTask("Task_AgentWork").name("Travail d'agent").camundaCandidateGroups(Groups.INSTRUCTEURS)
              .endEvent().done())
          .deploy();
    }
    instance = engine.getRuntimeService().startProcessInstanceByKey("Process_AuthzFixture");
    agentTask = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  @Test
  void unauthenticatedRequestsAreRefusedWithProblemDetails() {
    for (String url : List.of("/engine-rest/task", "/engine-rest/process-instance", "/api/calls")) {
      ResponseEntity<String> response = rest.getForEntity(url, String.class);
      assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
      assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .as(url + " " + response.getHeaders().getContentType()).isTrue();
      assertThat(response.getBody()).contains("Authentification requise");
    }
    assertThat(rest.withBasicAuth("test.inconnu", "wrong").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void otherPathsRefuseWithoutABrowserLoginPopUp() {
    ResponseEntity<String> response = rest.getForEntity("/camunda-welcome", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isNull();
  }

  @Test
  void healthIsOpen() {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void anAgentSeesAndCompletesTheirGroupsTask() {
    TestRestTemplate agent = rest.withBasicAuth("test.instructeur", PASSWORD);
    assertThat(taskIds(agent)).contains(agentTask.getId());
    assertThat(complete(agent, agentTask.getId()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void aJuryMemberCannotSeeNorCompleteAnAgentsTask() {
    TestRestTemplate jury = rest.withBasicAuth("test.jury", PASSWORD);
    assertThat(taskIds(jury)).doesNotContain(agentTask.getId());
    ResponseEntity<String> response = complete(jury, agentTask.getId());
    assertThat(response.getStatusCode().is4xxClientError()).isTrue();
    assertThat(engine.getTaskService().createTaskQuery().taskId(agentTask.getId()).count()).isEqualTo(1);
  }

  @Test
  void aSupervisorReadsInstancesAndTasksButCannotCompleteATask() {
    TestRestTemplate supervisor = rest.withBasicAuth("test.superviseur", PASSWORD);
    ResponseEntity<List> instances = supervisor.getForEntity(
        "/engine-rest/process-instance?processInstanceIds=" + instance.getId(), List.class);
    assertThat(instances.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(instances.getBody()).hasSize(1);
    assertThat(taskIds(supervisor)).contains(agentTask.getId());

    assertThat(complete(supervisor, agentTask.getId()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> delete = supervisor.exchange("/engine-rest/process-instance/" + instance.getId(),
        HttpMethod.DELETE, null, String.class);
    assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engine.getTaskService().createTaskQuery().taskId(agentTask.getId()).count()).isEqualTo(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aJuryMemberReadsOnlyTheInstanceOfTheirOwnTask() {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("Process_AssignedFixture").count() == 0) {
      engine.getRepositoryService().createDeployment().name("assigned-fixture")
          .addModelInstance("assigned-fixture.bpmn", Bpmn.createExecutableProcess("Process_AssignedFixture")
              .camundaHistoryTimeToLive(1)
              .startEvent().userTask("Task_Opinion").name("Donner un avis").camundaAssignee("${juryMember}")
              .endEvent().done())
          .deploy();
    }
    ProcessInstance mine = engine.getRuntimeService().startProcessInstanceByKey("Process_AssignedFixture",
        Map.of("juryMember", "test.jury", "reference", "AAP-TEST-0001"));
    ProcessInstance theirs = engine.getRuntimeService().startProcessInstanceByKey("Process_AssignedFixture",
        Map.of("juryMember", "someone.else", "reference", "AAP-TEST-0002"));
    TestRestTemplate jury = rest.withBasicAuth("test.jury", PASSWORD);

    ResponseEntity<List> visible = jury.getForEntity("/engine-rest/process-instance?processInstanceIds="
        + mine.getId() + "," + theirs.getId(), List.class);
    assertThat(((List<Map<String, Object>>) visible.getBody()).stream().map(p -> p.get("id")))
        .containsExactly(mine.getId());
    assertThat(jury.getForEntity("/engine-rest/process-instance/" + mine.getId() + "/variables/reference", Map.class)
        .getBody()).containsEntry("value", "AAP-TEST-0001");
    assertThat(jury.getForEntity("/engine-rest/process-instance/" + theirs.getId() + "/variables/reference", String.class)
        .getStatusCode().is4xxClientError()).isTrue();
  }

  @SuppressWarnings("unchecked")
  private List<String> taskIds(TestRestTemplate client) {
    ResponseEntity<List> response = client.getForEntity(
        "/engine-rest/task?processInstanceId=" + instance.getId(), List.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return ((List<Map<String, Object>>) response.getBody()).stream().map(t -> (String) t.get("id")).toList();
  }

  private ResponseEntity<String> complete(TestRestTemplate client, String taskId) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return client.exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
        new HttpEntity<>("{}", headers), String.class);
  }
}
