package fr.pasdecalais.habitat.aap.identity.ldap;

import static fr.pasdecalais.habitat.aap.identity.ldap.LdapTestDirectory.PASSWORD;
import static fr.pasdecalais.habitat.aap.identity.ldap.LdapTestDirectory.USER_IN_NO_PRODUCT_GROUP;
import static fr.pasdecalais.habitat.aap.identity.ldap.LdapTestDirectory.userFor;
import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.TasklistFilters;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
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
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Profile {@code ldap} against a real directory whose groups have directory names: logins through our
 * API, the engine REST API and the webapps' own login, and the engine's rights, all for the product's
 * group ids that the directory groups are mapped to.
 */
@LdapProfileTest
class IdentityLdapIT {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;

  ProcessInstance instance;
  Task agentTask;

  @BeforeEach
  void startAnInstructeursTask() {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("Process_LdapFixture").count() == 0) {
      engine.getRepositoryService().createDeployment().name("ldap-fixture")
          .addModelInstance("ldap-fixture.bpmn", Bpmn.createExecutableProcess("Process_LdapFixture")
              .camundaHistoryTimeToLive(1)
              .startEvent().userTask("Task_AgentWork").name("Travail d'agent").camundaCandidateGroups(Groups.INSTRUCTEURS)
              .endEvent().done())
          .deploy();
    }
    instance = engine.getRuntimeService().startProcessInstanceByKey("Process_LdapFixture");
    agentTask = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  @Test
  void theIdentityServiceIsTheDirectoryAndNoLocalAccountIsCreated() {
    assertThat(identityService.isReadOnly()).isTrue();
    // the test profile's administrator (aap.admin.user) is not created: the directory's administrators are
    assertThat(identityService.createUserQuery().userId("admin").count()).isZero();
    // what lives in the engine's database is there, for the product's group ids
    for (String group : Groups.TASKLIST_GROUPS) {
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(group)
          .resourceType(Resources.APPLICATION).resourceId("tasklist").count()).as(group).isEqualTo(1);
    }
    assertThat(engine.getFilterService().createFilterQuery().list()).extracting(f -> f.getName())
        .contains(TasklistFilters.MY_TASKS, TasklistFilters.GROUP_TASKS, TasklistFilters.ALL_TASKS);
  }

  @Test
  void theGroupsOfADirectoryUserAreTheProductGroups() {
    for (String group : LdapGroupMapping.PRODUCT_GROUPS) {
      for (String user : LdapTestDirectory.usersFor(group)) {
        // each of them is also in the unmapped directory group Tous-Agents (porteurs excepted)
        assertThat(groupIdsOf(user)).as(user).containsExactly(group);
      }
    }
    // only in unmapped directory groups, one of them called "instructeurs": in no product group
    assertThat(groupIdsOf(USER_IN_NO_PRODUCT_GROUP)).isEmpty();
    assertThat(groupIdsOf("inconnu.annuaire")).isEmpty();

    Group instructeurs = identityService.createGroupQuery().groupId(Groups.INSTRUCTEURS).singleResult();
    assertThat(instructeurs.getName()).isEqualTo("GG-AAP-Instructeurs-SPSLH");
    assertThat(identityService.createGroupQuery().groupId("GG-AAP-Instructeurs-SPSLH").count()).isZero();
    assertThat(identityService.createGroupQuery().groupId("Tous-Agents").count()).isZero();
    assertThat(identityService.createGroupQuery().list()).extracting(Group::getId)
        .containsExactlyInAnyOrderElementsOf(LdapGroupMapping.PRODUCT_GROUPS);
    assertThat(identityService.createGroupQuery().groupIdIn(Groups.JURY, Groups.FINANCES, "Tous-Agents").list())
        .extracting(Group::getId).containsExactlyInAnyOrder(Groups.JURY, Groups.FINANCES);

    assertThat(identityService.createUserQuery().memberOfGroup(Groups.INSTRUCTEURS).list()).extracting(User::getId)
        .containsExactlyInAnyOrderElementsOf(LdapTestDirectory.usersFor(Groups.INSTRUCTEURS));
    assertThat(identityService.createUserQuery().memberOfGroup("GG-AAP-Instructeurs-SPSLH").count()).isZero();
    assertThat(identityService.createUserQuery().memberOfGroup("Tous-Agents").count()).isZero();
    User agent = identityService.createUserQuery().userId(userFor(Groups.INSTRUCTEURS)).singleResult();
    assertThat(agent.getFirstName()).isEqualTo("Margaux");
    assertThat(agent.getEmail()).isEqualTo("margaux.delattre@agents.pasdecalais.invalid");
  }

  @Test
  void everyDirectoryUserLogsInToTheApisWithTheirDirectoryPasswordOnly() {
    List<String> users = new java.util.ArrayList<>(LdapGroupMapping.PRODUCT_GROUPS.stream()
        .map(LdapTestDirectory::userFor).toList());
    users.add(USER_IN_NO_PRODUCT_GROUP);
    for (String user : users) {
      for (String url : List.of("/api/calls", "/engine-rest/task")) {
        // logged in (no 401); the engine API is then no door for partners nor for an account in no product group
        boolean engineUser = url.startsWith("/api/")
            || !(user.equals(userFor(Groups.PORTEURS)) || user.equals(USER_IN_NO_PRODUCT_GROUP));
        assertThat(rest.withBasicAuth(user, PASSWORD).getForEntity(url, String.class).getStatusCode())
            .as(user + " " + url).isEqualTo(engineUser ? HttpStatus.OK : HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth(user, "Annuaire-Essai-2025!").getForEntity(url, String.class).getStatusCode())
            .as(user + " " + url + " wrong password").isEqualTo(HttpStatus.UNAUTHORIZED);
      }
    }
    assertThat(rest.withBasicAuth(userFor(Groups.INSTRUCTEURS), "").getForEntity("/api/calls", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("inconnu.annuaire", PASSWORD).getForEntity("/api/calls", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // the manager account is no user of the application
    assertThat(rest.withBasicAuth(LdapTestDirectory.MANAGER_DN, LdapTestDirectory.MANAGER_PASSWORD)
        .getForEntity("/api/calls", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void ourApiKnowsTheProductRoleOfADirectoryUser() {
    // POST /api/calls is @PreAuthorize("hasRole('instructeurs')"): an empty body is refused as invalid for
    // an instructeur (the role passed), and forbidden to anyone else
    assertThat(postCall(userFor(Groups.INSTRUCTEURS)).is4xxClientError()).isTrue();
    assertThat(postCall(userFor(Groups.INSTRUCTEURS))).isNotEqualTo(HttpStatus.FORBIDDEN);
    assertThat(postCall(userFor(Groups.JURY))).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(postCall(USER_IN_NO_PRODUCT_GROUP)).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anInstructeurSeesAndCompletesTheirGroupsTask() {
    TestRestTemplate agent = rest.withBasicAuth(userFor(Groups.INSTRUCTEURS), PASSWORD);
    assertThat(taskIds(agent)).containsExactly(agentTask.getId());
    assertThat(complete(agent, agentTask.getId()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(engine.getTaskService().createTaskQuery().taskId(agentTask.getId()).count()).isZero();
  }

  @Test
  void aJuryMemberAndAUserInNoProductGroupCannotSeeNorCompleteIt() {
    TestRestTemplate juror = rest.withBasicAuth(userFor(Groups.JURY), PASSWORD);
    assertThat(taskIds(juror)).isEmpty();
    assertThat(rest.withBasicAuth(USER_IN_NO_PRODUCT_GROUP, PASSWORD).getForEntity(
        "/engine-rest/task?processInstanceId=" + instance.getId(), String.class).getStatusCode())
        .as("no product group, no engine API").isEqualTo(HttpStatus.FORBIDDEN);
    for (String user : List.of(userFor(Groups.JURY), USER_IN_NO_PRODUCT_GROUP)) {
      TestRestTemplate client = rest.withBasicAuth(user, PASSWORD);
      assertThat(complete(client, agentTask.getId()).getStatusCode().is4xxClientError()).as(user).isTrue();
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(agentTask.getId()).count()).isEqualTo(1);
  }

  @Test
  void aSupervisorReadsInstancesButCannotCompleteATask() {
    TestRestTemplate supervisor = rest.withBasicAuth(userFor(Groups.SUPERVISEURS), PASSWORD);
    ResponseEntity<List> instances = supervisor.getForEntity(
        "/engine-rest/process-instance?processInstanceIds=" + instance.getId(), List.class);
    assertThat(instances.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(instances.getBody()).hasSize(1);
    assertThat(taskIds(supervisor)).containsExactly(agentTask.getId());
    assertThat(complete(supervisor, agentTask.getId()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engine.getTaskService().createTaskQuery().taskId(agentTask.getId()).count()).isEqualTo(1);
  }

  @Test
  void theDirectoryAdministratorIsTheEnginesAdministrator() {
    TestRestTemplate admin = rest.withBasicAuth(userFor(Groups.ADMIN), PASSWORD);
    assertThat(taskIds(admin)).containsExactly(agentTask.getId());
    assertThat(admin.getForEntity("/engine-rest/authorization/count", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(webappLogin("admin", userFor(Groups.ADMIN), PASSWORD)).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin("admin", userFor(Groups.INSTRUCTEURS), PASSWORD)).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theWebappsLoginChecksTheDirectoryPasswordAndTheProductGroups() {
    for (String group : Groups.TASKLIST_GROUPS) {
      assertThat(webappLogin("tasklist", userFor(group), PASSWORD)).as(group).isEqualTo(HttpStatus.OK);
    }
    assertThat(webappLogin("tasklist", userFor(Groups.INSTRUCTEURS), "Annuaire-Essai-2025!"))
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // in no Tasklist group: only in the unmapped "instructeurs" directory group, or a partner
    assertThat(webappLogin("tasklist", USER_IN_NO_PRODUCT_GROUP, PASSWORD)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(webappLogin("tasklist", userFor(Groups.PORTEURS), PASSWORD)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(webappLogin("cockpit", userFor(Groups.SUPERVISEURS), PASSWORD)).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin("cockpit", userFor(Groups.INSTRUCTEURS), PASSWORD)).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private List<String> groupIdsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  /**
   * The webapps' own login form, as the login page posts it: a first request opens the session and
   * hands out its CSRF token (Camunda's CsrfPreventionFilter), the login sends both back.
   */
  private HttpStatusCode webappLogin(String app, String user, String password) {
    ResponseEntity<String> first = rest.getForEntity("/camunda/api/admin/auth/user/default", String.class);
    String token = first.getHeaders().getFirst("X-XSRF-TOKEN");
    List<String> cookies = first.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(c -> c.split(";", 2)[0]).toList();
    assertThat(token).as("CSRF token").isNotBlank();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-XSRF-TOKEN", token);
    headers.put(HttpHeaders.COOKIE, List.of(String.join("; ", cookies)));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    return rest.postForEntity("/camunda/api/admin/auth/user/default/login/" + app, new HttpEntity<>(form, headers),
        String.class).getStatusCode();
  }

  private HttpStatusCode postCall(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD).postForEntity("/api/calls", new HttpEntity<>("{}", headers), String.class)
        .getStatusCode();
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
