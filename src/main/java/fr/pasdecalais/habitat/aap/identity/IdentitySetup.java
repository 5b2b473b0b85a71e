package fr.pasdecalais.habitat.aap.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, idempotently at every start, the groups, their authorizations, the shared Tasklist
 * filters, the administrator and (demo data only) the demo users.
 */
@Component
public class IdentitySetup implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);
  public static final String ANY = Authorization.ANY;

  /** Demo users: fictitious people. Their password is {@link #DEMO_PASSWORD}, in the demo data only. */
  public static final List<DemoUser> DEMO_USERS = List.of(
      new DemoUser("camille.martin", "Camille", "Martin", Groups.INSTRUCTEURS),
      new DemoUser("julien.bernard", "Julien", "Bernard", Groups.INSTRUCTEURS),
      new DemoUser("sophie.dubois", "Sophie", "Dubois", Groups.JURY),
      new DemoUser("thomas.leroy", "Thomas", "Leroy", Groups.JURY),
      new DemoUser("nadia.benali", "Nadia", "Benali", Groups.JURY),
      new DemoUser("pierre.lambert", "Pierre", "Lambert", Groups.JURY),
      new DemoUser("isabelle.moreau", "Isabelle", "Moreau", Groups.SECRETARIAT),
      new DemoUser("laurent.petit", "Laurent", "Petit", Groups.FINANCES),
      new DemoUser("claire.fontaine", "Claire", "Fontaine", Groups.SUPERVISEURS),
      new DemoUser("admin", "Administrateur", "Démo", Groups.ADMIN));
  public static final String DEMO_PASSWORD = "demo";

  private static final Map<String, String> GROUP_NAMES = Map.of(
      Groups.INSTRUCTEURS, "Instructeurs (service SPSLH)",
      Groups.JURY, "Membres du jury",
      Groups.SECRETARIAT, "Secrétariat de l'assemblée",
      Groups.FINANCES, "Service financier",
      Groups.SUPERVISEURS, "Superviseurs",
      Groups.PORTEURS, "Porteurs de projet (comptes partenaires)",
      Groups.ADMIN, "Administrateurs");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final TasklistFilters tasklistFilters;
  private final IdentityProperties properties;

  public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
      TasklistFilters tasklistFilters, IdentityProperties properties) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.tasklistFilters = tasklistFilters;
    this.properties = properties;
  }

  /**
   * Without demo data, the administrator must come from the environment with a strong password
   * (not with a directory, profile {@code ldap}: there the administrators are the directory's).
   */
  @Override
  public void afterPropertiesSet() {
    if (!properties.demoData().enabled() && !identityService.isReadOnly()) {
      String refusal = AdminPasswordPolicy.refusal(properties.admin().user(), properties.admin().password());
      if (refusal != null) {
        throw new IllegalStateException("Démarrage refusé : " + refusal);
      }
    }
  }

  @EventListener
  @Order(10)
  public void onApplicationReady(ApplicationReadyEvent event) {
    setUp();
  }

  public void setUp() {
    if (identityService.isReadOnly()) {
      // users and groups come from a directory (profile ldap): only what the engine's database holds
      grantAuthorizations();
      tasklistFilters.ensureFilters();
      return;
    }
    GROUP_NAMES.forEach(this::ensureGroup);
    grantAuthorizations();
    if (properties.admin().user() != null && !properties.admin().user().isBlank()) {
      ensureUser(properties.admin().user(), "Administrateur", "Appels à projets", properties.admin().password(), Groups.ADMIN);
    }
    if (properties.demoData().enabled()) {
      DEMO_USERS.forEach(u -> ensureUser(u.id(), u.firstName(), u.lastName(), DEMO_PASSWORD, u.group()));
      LOG.info("Comptes de démonstration prêts ({} comptes, mot de passe « {} »)", DEMO_USERS.size(), DEMO_PASSWORD);
    }
    tasklistFilters.ensureFilters();
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(Groups.ADMIN.equals(id) ? org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM
          : org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
      identityService.saveGroup(group);
    }
  }

  /** Creates the user (or resets the password of an existing one) and puts them in the group. */
  public void ensureUser(String id, String firstName, String lastName, String password, String group) {
    User user = identityService.createUserQuery().userId(id).singleResult();
    if (user == null) {
      user = identityService.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + "@demo.pasdecalais.invalid");
      user.setPassword(password);
      identityService.saveUser(user);
    } else if (!identityService.checkPassword(id, password)) {
      // a failed checkPassword counts a login attempt, which changes the user's revision: save a fresh copy
      User fresh = identityService.createUserQuery().userId(id).singleResult();
      fresh.setPassword(password);
      identityService.saveUser(fresh);
    }
    if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identityService.createMembership(id, group);
    }
  }

  private void grantAuthorizations() {
    for (Resources resource : Resources.values()) {
      grant(Groups.ADMIN, resource, ANY, Permissions.ALL);
    }
    for (String group : Groups.TASKLIST_GROUPS) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
      grant(group, Resources.USER, ANY, Permissions.READ);
      grant(group, Resources.GROUP, ANY, Permissions.READ);
    }
    // Agents, secretariat and finance read every instance's variables (Tasklist shows the dossier
    // reference and organisation beside each task); jury members only their own (AssigneeInstanceReadPlugin).
    for (String group : List.of(Groups.INSTRUCTEURS, Groups.SECRETARIAT, Groups.FINANCES)) {
      grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE);
    }
    // Agents start processes from Tasklist (a dossier received by post, a call published by hand).
    grant(Groups.INSTRUCTEURS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Groups.INSTRUCTEURS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // Supervisors: Cockpit, everything readable, nothing changeable.
    String sup = Groups.SUPERVISEURS;
    grant(sup, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(sup, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
    grant(sup, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(sup, Resources.TASK, ANY, Permissions.READ);
    grant(sup, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(sup, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(sup, Resources.HISTORIC_TASK, ANY, org.camunda.bpm.engine.authorization.HistoricTaskPermissions.READ);
    grant(sup, Resources.HISTORIC_PROCESS_INSTANCE, ANY, org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.READ);
    grant(sup, Resources.BATCH, ANY, Permissions.READ);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization auth = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission p : permissions) {
      if (!auth.isPermissionGranted(p)) {
        auth.addPermission(p);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(auth);
    }
  }

  /** A demo account. */
  public record DemoUser(String id, String firstName, String lastName, String group) {
    @Override
    public String toString() {
      return id + " (" + firstName + " " + lastName + ", " + group + ")";
    }
  }

}
