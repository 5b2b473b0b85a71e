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

    // Tasklist's "Mes tâches" shows the reference beside their own task: the engine reads it through the
    // instance read granted to the assignee (AssigneeInstanceReadPlugin)
    String myTasks = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_TASKS)
        .singleResult().getId();
    HttpHeaders hal = new HttpHeaders();
    hal.setContentType(MediaType.APPLICATION_JSON);
    hal.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    ResponseEntity<Map> listed = jury.exchange("/engine-rest/filter/" + myTasks + "/list", HttpMethod.POST,
        new HttpEntity<>("{\"processInstanceIdIn\": [\"" + mine.getId() + "\", \"" + theirs.getId() + "\"]}", hal),
        Map.class);
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> embedded = (Map<String, Object>) listed.getBody().get("_embedded");
    List<Map<String, Object>> tasks = (List<Map<String, Object>>) embedded.get("task");
    assertThat(tasks).extracting(t -> t.get("processInstanceId")).containsExactly(mine.getId());
    Map<String, Object> taskEmbedded = (Map<String, Object>) tasks.get(0).get("_embedded");
    assertThat((List<Map<String, Object>>) taskEmbedded.get("variable"))
        .anySatisfy(v -> assertThat(v).containsEntry("name", "reference").containsEntry("value", "AAP-TEST-0001"))
        .noneSatisfy(v -> assertThat(v).containsEntry("value", "AAP-TEST-0002"));

    // the raw instance API is not theirs: refused at the door, for their own instance as for another's
    ResponseEntity<String> visible = jury.getForEntity("/engine-rest/process-instance?processInstanceIds="
        + mine.getId() + "," + theirs.getId(), String.class);
    assertThat(visible.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
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
