package fr.pasdecalais.habitat.aap.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
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
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, idempotently at every start, the groups, their authorizations, the shared Tasklist
 * filters, the administrator (the demo users: {@code demo.DemoUsers}).
 */
@Component
public class IdentitySetup implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);
  public static final String ANY = Authorization.ANY;


  private static final Map<String, String> GROUP_NAMES = Map.of(
      Groups.INSTRUCTEURS, "Instructeurs (service SPSLH)",
      Groups.JURY, "Membres du jury",
      Groups.SECRETARIAT, "Secrétariat de l'assemblée",
      Groups.FINANCES, "Service financier du Département",
      Groups.ETAT_FINANCES, "Service financier de l'État (DDETS)",
      Groups.PREFECTURE, "Bureau des décisions de la préfecture",
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

  /**
   * The engine authorizations of every group, made exactly so at each start: what is missing is
   * granted, what is more is taken back (for the groups' grants on all resources, on process
   * definitions and on webapps; per-task and per-filter grants are the engine's and {@link
   * TasklistFilters}'). The whole table, with what each door adds: {@code docs/access-matrix.md}.
   */
  private void grantAuthorizations() {
    Map<String, Map<GrantKey, Permission[]>> desired = desiredGrants();
    desired.forEach((group, grants) -> {
      if (!Groups.ADMIN.equals(group)) {
        for (Authorization existing : authorizationService.createAuthorizationQuery().groupIdIn(group).list()) {
          GrantKey key = new GrantKey(existing.getResourceType(), existing.getResourceId());
          boolean managed = ANY.equals(existing.getResourceId())
              || existing.getResourceType() == Resources.PROCESS_DEFINITION.resourceType()
              || existing.getResourceType() == Resources.APPLICATION.resourceType();
          if (managed && existing.getAuthorizationType() == AUTH_TYPE_GRANT && !grants.containsKey(key)) {
            LOG.info("Autorisation retirée au groupe {} : ressource {} « {} »", group, key.type(), key.id());
            authorizationService.deleteAuthorization(existing.getId());
          }
        }
      }
      grants.forEach((key, permissions) -> grant(group, key, permissions, !Groups.ADMIN.equals(group)));
    });
  }

  /** Group → (resource type, resource id) → permissions. */
  static Map<String, Map<GrantKey, Permission[]>> desiredGrants() {
    Map<String, Map<GrantKey, Permission[]>> grants = new LinkedHashMap<>();
    Map<GrantKey, Permission[]> admin = new LinkedHashMap<>();
    for (Resources resource : Resources.values()) {
      admin.put(new GrantKey(resource.resourceType(), ANY), new Permission[] {Permissions.ALL});
    }
    grants.put(Groups.ADMIN, admin);
    for (String group : Groups.TASKLIST_GROUPS) {
      Map<GrantKey, Permission[]> g = new LinkedHashMap<>();
      g.put(new GrantKey(Resources.APPLICATION.resourceType(), "tasklist"), new Permission[] {Permissions.ACCESS});
      g.put(new GrantKey(Resources.PROCESS_DEFINITION.resourceType(), ANY), new Permission[] {Permissions.READ});
      g.put(new GrantKey(Resources.DEPLOYMENT.resourceType(), ANY), new Permission[] {Permissions.READ});
      g.put(new GrantKey(Resources.USER.resourceType(), ANY), new Permission[] {Permissions.READ});
      g.put(new GrantKey(Resources.GROUP.resourceType(), ANY), new Permission[] {Permissions.READ});
      grants.put(group, g);
    }
    // Agents, secretariat, prefecture and both finance services read instances' variables: Tasklist shows the dossier reference and
    // organisation beside each task (the engine reads them through READ_INSTANCE); the doors refuse them the
    // raw variable, execution and instance listings (EngineApiPolicy). Jury members read only the instance of
    // their own task (AssigneeInstanceReadPlugin).
    for (String group : Groups.OFFICE_GROUPS) {
      grants.get(group).put(new GrantKey(Resources.PROCESS_DEFINITION.resourceType(), ANY),
          new Permission[] {Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE});
    }
    // Agents start only the processes meant for people: a call published by hand, a dossier received by post.
    Map<GrantKey, Permission[]> instructeurs = grants.get(Groups.INSTRUCTEURS);
    // Agents also start "Agir sur une convention en vigueur" (avenant, mise en demeure, résiliation, bilan demandé);
    // both finance groups only "Enregistrer un encaissement sur un titre de recette" (its delegate then keeps each
    // to the titres of its own conventions: the payer group of the call's funder).
    List<Map<GrantKey, Permission[]>> financeGroups = List.of(grants.get(Groups.FINANCES),
        grants.get(Groups.ETAT_FINANCES));
    for (String key : EngineApiPolicy.STARTABLE_BY_PEOPLE.stream().sorted().toList()) {
      for (Map<GrantKey, Permission[]> starter : EngineApiPolicy.STARTABLE_BY_FINANCES.contains(key) ? financeGroups
          : List.of(instructeurs)) {
        starter.put(new GrantKey(Resources.PROCESS_DEFINITION.resourceType(), key),
            new Permission[] {Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE});
      }
    }
    instructeurs.put(new GrantKey(Resources.PROCESS_INSTANCE.resourceType(), ANY), new Permission[] {Permissions.CREATE});
    // Tasks of a definition whose every user task is for one group: one grant on the definition instead of
    // the engine's grant per task (TaskGrants, DefinitionTaskGrantsPlugin); the group reads and works on the same tasks.
    TaskGrants.BY_DEFINITION.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        grants.get(e.getValue()).merge(new GrantKey(Resources.PROCESS_DEFINITION.resourceType(), e.getKey()),
            TaskGrants.PERMISSIONS, IdentitySetup::union));
    for (Map<GrantKey, Permission[]> finance : financeGroups) {
      finance.put(new GrantKey(Resources.PROCESS_INSTANCE.resourceType(), ANY), new Permission[] {Permissions.CREATE});
    }
    // Supervisors: Cockpit, everything readable, nothing changeable.
    Map<GrantKey, Permission[]> sup = grants.get(Groups.SUPERVISEURS);
    sup.put(new GrantKey(Resources.APPLICATION.resourceType(), "cockpit"), new Permission[] {Permissions.ACCESS});
    sup.put(new GrantKey(Resources.PROCESS_DEFINITION.resourceType(), ANY), new Permission[] {Permissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK});
    sup.put(new GrantKey(Resources.PROCESS_INSTANCE.resourceType(), ANY), new Permission[] {Permissions.READ});
    sup.put(new GrantKey(Resources.TASK.resourceType(), ANY), new Permission[] {Permissions.READ});
    sup.put(new GrantKey(Resources.DECISION_DEFINITION.resourceType(), ANY),
        new Permission[] {Permissions.READ, Permissions.READ_HISTORY});
    sup.put(new GrantKey(Resources.DECISION_REQUIREMENTS_DEFINITION.resourceType(), ANY),
        new Permission[] {Permissions.READ});
    sup.put(new GrantKey(Resources.HISTORIC_TASK.resourceType(), ANY),
        new Permission[] {org.camunda.bpm.engine.authorization.HistoricTaskPermissions.READ});
    sup.put(new GrantKey(Resources.HISTORIC_PROCESS_INSTANCE.resourceType(), ANY),
        new Permission[] {org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.READ});
    sup.put(new GrantKey(Resources.BATCH.resourceType(), ANY), new Permission[] {Permissions.READ});
    // Partners: no engine right at all (their door is /api).
    grants.put(Groups.PORTEURS, new LinkedHashMap<>());
    return grants;
  }

  private static Permission[] union(Permission[] a, Permission[] b) {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).distinct()
        .toArray(Permission[]::new);
  }

  /** One grant row: resource type and id. */
  record GrantKey(int type, String id) {}

  /** Grants these permissions; with {@code exactly}, also takes back any other permission of the row. */
  private void grant(String groupId, GrantKey key, Permission[] permissions, boolean exactly) {
    Resource resource = resourceOf(key.type());
    Authorization existing = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(key.type()).resourceId(key.id()).singleResult();
    Authorization wanted = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    wanted.setGroupId(groupId);
    wanted.setResource(resource);
    wanted.setResourceId(key.id());
    for (Permission p : permissions) {
      wanted.addPermission(p);
    }
    if (existing == null) {
      authorizationService.saveAuthorization(wanted);
      return;
    }
    int have = ((AuthorizationEntity) existing).getPermissions();
    int want = ((AuthorizationEntity) wanted).getPermissions();
    int next = exactly ? want : (have | want);
    if (next != have) {
      ((AuthorizationEntity) existing).setPermissions(next);
      authorizationService.saveAuthorization(existing);
    }
  }

  private static Resource resourceOf(int type) {
    for (Resources r : Resources.values()) {
      if (r.resourceType() == type) {
        return r;
      }
    }
    throw new IllegalArgumentException("type de ressource inconnu : " + type);
  }


}
