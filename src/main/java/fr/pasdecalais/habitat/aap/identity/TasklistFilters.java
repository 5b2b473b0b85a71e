package fr.pasdecalais.habitat.aap.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, created at start-up if missing and readable by the right groups.
 * Each shows the reference (dossier or call) and the organisation beside a task, sorted by due date.
 */
@Component
public class TasklistFilters {

  public static final String MY_TASKS = "Mes tâches";
  public static final String GROUP_TASKS = "Tâches de mes groupes";
  public static final String ALL_TASKS = "Toutes les tâches";

  /** Process variables every process carries so that Tasklist can show them. */
  public static final String VAR_REFERENCE = "reference";
  public static final String VAR_ORGANIZATION_NAME = "organizationName";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public TasklistFilters(FilterService filterService, TaskService taskService,
      AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  public void ensureFilters() {
    ensure(MY_TASKS, -10, "Les tâches qui vous sont attribuées",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
        List.of(Groups.INSTRUCTEURS, Groups.JURY, Groups.SECRETARIAT, Groups.FINANCES, Groups.ETAT_FINANCES,
            Groups.PREFECTURE, Groups.SUPERVISEURS));
    ensure(GROUP_TASKS, -5, "Les tâches proposées à vos groupes, attribuées ou non",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().orderByDueDate().asc(),
        Groups.OFFICE_GROUPS);
    ensure(ALL_TASKS, 0, "Toutes les tâches en cours (lecture seule pour les superviseurs)",
        taskService.createTaskQuery().orderByDueDate().asc(),
        List.of(Groups.SUPERVISEURS));
  }

  private void ensure(String name, int priority, String description, TaskQuery query, List<String> groups) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
      filter.setQuery(query);
      filter.setProperties(properties(priority, description));
      filterService.saveFilter(filter);
    }
    for (String group : groups) {
      if (authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
          .resourceId(filter.getId()).groupIdIn(group).count() == 0) {
        Authorization auth = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        auth.setGroupId(group);
        auth.setResource(Resources.FILTER);
        auth.setResourceId(filter.getId());
        auth.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(auth);
      }
    }
  }

  private static Map<String, Object> properties(int priority, String description) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("priority", priority);
    props.put("description", description);
    props.put("refresh", true);
    props.put("showUndefinedVariable", false);
    props.put("variables", List.of(
        Map.of("name", VAR_REFERENCE, "label", "Référence"),
        Map.of("name", VAR_ORGANIZATION_NAME, "label", "Organisation")));
    return props;
  }
}
