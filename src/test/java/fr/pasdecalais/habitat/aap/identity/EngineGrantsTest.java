package fr.pasdecalais.habitat.aap.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's grants of every group, written out here by hand: a grant widened in {@code IdentitySetup}
 * fails this test, and a grant widened in a running database is taken back at the next start.
 */
@SpringScenarioTest
class EngineGrantsTest {

  /** group → "resource resourceId" → permissions, for the grants IdentitySetup manages. */
  static final Map<String, Map<String, Set<String>>> EXPECTED = Map.of(
      Groups.INSTRUCTEURS, Map.ofEntries(
          Map.entry("APPLICATION tasklist", Set.of("ACCESS")),
          Map.entry("PROCESS_DEFINITION *", Set.of("READ", "READ_INSTANCE")),
          Map.entry("PROCESS_DEFINITION application", Set.of("READ", "CREATE_INSTANCE")),
          Map.entry("PROCESS_DEFINITION call-for-projects", Set.of("READ", "CREATE_INSTANCE")),
          Map.entry("PROCESS_DEFINITION agreement-action", Set.of("READ", "CREATE_INSTANCE")),
          // their tasks granted once per definition instead of once per task (TaskGrants)
          Map.entry("PROCESS_DEFINITION instruction", Set.of("READ_TASK", "UPDATE_TASK")),
          Map.entry("PROCESS_DEFINITION organization-membership", Set.of("READ_TASK", "UPDATE_TASK")),
          Map.entry("PROCESS_INSTANCE *", Set.of("CREATE")),
          Map.entry("DEPLOYMENT *", Set.of("READ")), Map.entry("USER *", Set.of("READ")),
          Map.entry("GROUP *", Set.of("READ"))),
      Groups.JURY, Map.of(
          "APPLICATION tasklist", Set.of("ACCESS"), "PROCESS_DEFINITION *", Set.of("READ"),
          "DEPLOYMENT *", Set.of("READ"), "USER *", Set.of("READ"), "GROUP *", Set.of("READ")),
      Groups.SECRETARIAT, Map.of(
          "APPLICATION tasklist", Set.of("ACCESS"), "PROCESS_DEFINITION *", Set.of("READ", "READ_INSTANCE"),
          "DEPLOYMENT *", Set.of("READ"), "USER *", Set.of("READ"), "GROUP *", Set.of("READ")),
      Groups.FINANCES, Map.of(
          "APPLICATION tasklist", Set.of("ACCESS"), "PROCESS_DEFINITION *", Set.of("READ", "READ_INSTANCE"),
          "PROCESS_DEFINITION payment-collection", Set.of("READ", "CREATE_INSTANCE"),
          "PROCESS_INSTANCE *", Set.of("CREATE"),
          "DEPLOYMENT *", Set.of("READ"), "USER *", Set.of("READ"), "GROUP *", Set.of("READ")),
      Groups.ETAT_FINANCES, Map.of(
          "APPLICATION tasklist", Set.of("ACCESS"), "PROCESS_DEFINITION *", Set.of("READ", "READ_INSTANCE"),
          "PROCESS_DEFINITION payment-collection", Set.of("READ", "CREATE_INSTANCE"),
          "PROCESS_INSTANCE *", Set.of("CREATE"),
          "DEPLOYMENT *", Set.of("READ"), "USER *", Set.of("READ"), "GROUP *", Set.of("READ")),
      Groups.PREFECTURE, Map.of(
          "APPLICATION tasklist", Set.of("ACCESS"), "PROCESS_DEFINITION *", Set.of("READ", "READ_INSTANCE"),
          "DEPLOYMENT *", Set.of("READ"), "USER *", Set.of("READ"), "GROUP *", Set.of("READ")),
      Groups.SUPERVISEURS, Map.ofEntries(
          Map.entry("APPLICATION tasklist", Set.of("ACCESS")), Map.entry("APPLICATION cockpit", Set.of("ACCESS")),
          Map.entry("PROCESS_DEFINITION *", Set.of("READ", "READ_INSTANCE", "READ_HISTORY", "READ_TASK")),
          Map.entry("PROCESS_INSTANCE *", Set.of("READ")), Map.entry("TASK *", Set.of("READ")),
          Map.entry("DECISION_DEFINITION *", Set.of("READ", "READ_HISTORY")),
          Map.entry("DECISION_REQUIREMENTS_DEFINITION *", Set.of("READ")),
          Map.entry("HISTORIC_TASK *", Set.of("READ")), Map.entry("HISTORIC_PROCESS_INSTANCE *", Set.of("READ")),
          Map.entry("BATCH *", Set.of("READ")), Map.entry("DEPLOYMENT *", Set.of("READ")),
          Map.entry("USER *", Set.of("READ")), Map.entry("GROUP *", Set.of("READ"))),
      Groups.PORTEURS, Map.of());

  @Autowired AuthorizationService authorizations;
  @Autowired IdentitySetup identitySetup;

  @Test
  void everyGroupHasExactlyTheGrantsOfTheTable() {
    EXPECTED.forEach((group, grants) -> assertThat(managedGrants(group)).as(group).isEqualTo(new TreeMap<>(grants)));
  }

  @Test
  void aGrantWidenedInTheDatabaseIsTakenBackAtTheNextStart() {
    // what round 1 had: instructeurs could start every process, a partner could list jobs
    Authorization anyStart = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    anyStart.setGroupId(Groups.INSTRUCTEURS);
    anyStart.setResource(Resources.PROCESS_DEFINITION);
    anyStart.setResourceId("grant-agreement");
    anyStart.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(anyStart);
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(Groups.JURY)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
    existing.addPermission(ProcessDefinitionPermissions.READ_INSTANCE);
    authorizations.saveAuthorization(existing);
    Authorization partnerJobs = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    partnerJobs.setGroupId(Groups.PORTEURS);
    partnerJobs.setResource(Resources.PROCESS_INSTANCE);
    partnerJobs.setResourceId("*");
    partnerJobs.addPermission(Permissions.READ);
    authorizations.saveAuthorization(partnerJobs);

    identitySetup.setUp();

    everyGroupHasExactlyTheGrantsOfTheTable();
  }

  private Map<String, Set<String>> managedGrants(String group) {
    Map<String, Set<String>> grants = new TreeMap<>();
    for (Authorization a : authorizations.createAuthorizationQuery().groupIdIn(group).list()) {
      Resources resource = resource(a.getResourceType());
      boolean managed = "*".equals(a.getResourceId()) || resource == Resources.PROCESS_DEFINITION
          || resource == Resources.APPLICATION;
      if (!managed) {
        continue; // per-task and per-filter grants: the engine's and TasklistFilters'
      }
      Set<String> names = new TreeSet<>();
      for (Permission p : a.getPermissions(ResourceTypeUtil.getPermissionsByResourceType(a.getResourceType()))) {
        if (p.getValue() != 0) {
          names.add(p.getName()); // NONE is "granted" by every row
        }
      }
      grants.put(resource.name() + " " + a.getResourceId(), names);
    }
    return grants;
  }

  private static Resources resource(int type) {
    for (Resources r : Resources.values()) {
      if (r.resourceType() == type) {
        return r;
      }
    }
    throw new IllegalArgumentException(String.valueOf(type));
  }
}
