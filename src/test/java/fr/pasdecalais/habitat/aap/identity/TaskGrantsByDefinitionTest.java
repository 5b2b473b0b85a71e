package fr.pasdecalais.habitat.aap.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.File;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
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

/**
 * The tasks of {@code instruction} and {@code organization-membership} are granted to the
 * instructeurs by one grant on the definition, not one per task ({@link TaskGrants}): through the
 * engine's REST API, the agents still read and claim them, the members of every other group still
 * cannot, and a juror still sees only the tasks given to them by name.
 */
@SpringScenarioTest
class TaskGrantsByDefinitionTest {

  static final String PASSWORD = "Mot-de-passe-essai-1";
  static final List<String> OTHERS = List.of("tg.jury", "tg.secretariat", "tg.finances", "tg.etat", "tg.prefecture",
      "tg.superviseur");

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired IdentitySetup identitySetup;

  @BeforeEach
  void users() {
    identitySetup.ensureUser("tg.instructeur", "Inès", "Essai", PASSWORD, Groups.INSTRUCTEURS);
    identitySetup.ensureUser("tg.jury", "Jean", "Essai", PASSWORD, Groups.JURY);
    identitySetup.ensureUser("tg.jury2", "Jeanne", "Essai", PASSWORD, Groups.JURY);
    identitySetup.ensureUser("tg.secretariat", "Sophie", "Essai", PASSWORD, Groups.SECRETARIAT);
    identitySetup.ensureUser("tg.finances", "Fanny", "Essai", PASSWORD, Groups.FINANCES);
    identitySetup.ensureUser("tg.etat", "Étienne", "Essai", PASSWORD, Groups.ETAT_FINANCES);
    identitySetup.ensureUser("tg.prefecture", "Paul", "Essai", PASSWORD, Groups.PREFECTURE);
    identitySetup.ensureUser("tg.superviseur", "Sarah", "Essai", PASSWORD, Groups.SUPERVISEURS);
  }

  @Test
  void anInstructionTaskIsGrantedByTheDefinitionAndOnlyTheAgentsReadAndClaimIt() {
    Task task = instructionTask();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(task.getId()).count()).as("no grant written for this task").isZero();

    TestRestTemplate agent = as("tg.instructeur");
    assertThat(read(agent, task).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(count(agent, task)).isEqualTo(1);

    for (String other : OTHERS) {
      TestRestTemplate client = as(other);
      boolean supervisor = other.equals("tg.superviseur"); // reads every task (TASK *), as before
      assertThat(count(client, task)).as(other).isEqualTo(supervisor ? 1 : 0);
      assertThat(read(client, task).getStatusCode().is2xxSuccessful()).as(other).isEqualTo(supervisor);
      assertThat(post(client, "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\": \"" + other + "\"}")
          .getStatusCode().is4xxClientError()).as(other + " claims").isTrue();
      assertThat(post(client, "/engine-rest/task/" + task.getId() + "/complete", "{}")
          .getStatusCode().is4xxClientError()).as(other + " completes").isTrue();
      Task still = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
      assertThat(still).as(other).isNotNull();
      assertThat(still.getAssignee()).as(other).isNull();
    }

    assertThat(post(agent, "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\": \"tg.instructeur\"}")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo("tg.instructeur");
  }

  @Test
  void anInstructionTaskHandedToAnotherGroupIsGrantedToThatGroupByTheTask() {
    Task task = instructionTask();
    engine.getTaskService().addCandidateGroup(task.getId(), Groups.FINANCES);

    assertThat(read(as("tg.finances"), task).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read(as("tg.instructeur"), task).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read(as("tg.secretariat"), task).getStatusCode().is4xxClientError()).isTrue();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(task.getId()).groupIdIn(Groups.FINANCES).count()).isEqualTo(1);
  }

  @Test
  void aJurorSeesOnlyTheOpinionTaskGivenToThem() {
    Task mine = opinionTask("tg.jury");
    Task theirs = opinionTask("tg.jury2");

    TestRestTemplate juror = as("tg.jury");
    assertThat(read(juror, mine).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(count(juror, mine)).isEqualTo(1);
    assertThat(count(juror, theirs)).isZero();
    assertThat(read(juror, theirs).getStatusCode().is4xxClientError()).isTrue();
    assertThat(post(juror, "/engine-rest/task/" + theirs.getId() + "/complete", "{}")
        .getStatusCode().is4xxClientError()).isTrue();
    for (String other : List.of("tg.instructeur", "tg.secretariat", "tg.finances", "tg.prefecture")) {
      assertThat(count(as(other), mine)).as(other).isZero();
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(theirs.getId()).count()).isEqualTo(1);
  }

  @Test
  void everyUserTaskOfADefinitionGrantedAsAWholeIsForThatGroupAlone() {
    TaskGrants.BY_DEFINITION.forEach((key, group) -> {
      BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/" + key + ".bpmn"));
      assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId).containsExactly(key);
      var tasks = model.getModelElementsByType(UserTask.class);
      assertThat(tasks).as(key).isNotEmpty().allSatisfy(t -> {
        assertThat(t.getCamundaCandidateGroups()).as(t.getId()).isEqualTo(group);
        assertThat(t.getCamundaCandidateUsers()).as(t.getId()).isNull();
        assertThat(t.getCamundaAssignee()).as(t.getId()).isNull();
      });
    });
  }

  private Task instructionTask() {
    long n = System.nanoTime() % 1_000_000;
    var instance = engine.getRuntimeService().createProcessInstanceByKey("instruction")
        .businessKey("AAP-TG-" + n)
        .setVariables(Map.of("reference", "AAP-TG-" + n, "organizationName", "Essai", "applicationId", 9_000_000L + n,
            "regularizationDeadline", new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000)))
        .startBeforeActivity("Task_AwaitPieces").execute();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private Task opinionTask(String juror) {
    var instance = engine.getRuntimeService().createProcessInstanceByKey("jury-opinion")
        .setVariables(Map.of("juryMember", juror,
            "opinionDeadline", new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000),
            "reminderDate", new Date(System.currentTimeMillis() + 20L * 24 * 3600 * 1000)))
        .startBeforeActivity("Task_GiveOpinion").execute();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, PASSWORD);
  }

  private static ResponseEntity<String> read(TestRestTemplate client, Task task) {
    return client.getForEntity("/engine-rest/task/" + task.getId(), String.class);
  }

  @SuppressWarnings("unchecked")
  private static long count(TestRestTemplate client, Task task) {
    ResponseEntity<Map> response = client.getForEntity("/engine-rest/task/count?processInstanceId="
        + task.getProcessInstanceId(), Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return ((Number) response.getBody().get("count")).longValue();
  }

  private static ResponseEntity<String> post(TestRestTemplate client, String url, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return client.exchange(url, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
  }
}
