package fr.pasdecalais.habitat.aap.identity;

import java.util.Map;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;

/**
 * Who reads and works on the tasks of a process definition through one grant on the definition
 * instead of one grant per task (the engine's default, {@code DefaultAuthorizationProvider}): only
 * where every user task of the definition is for that one group ({@code camunda:candidateGroups} of
 * every user task of {@code processes/*.bpmn}; checked by {@code TaskGrantsByDefinitionTest}), so that the
 * group is authorized on exactly the tasks it was authorized on before. The grant gives what the
 * per-task grant gave: read ({@code READ} → {@code READ_TASK}) and work — claim, complete, comment,
 * variables ({@code UPDATE} → {@code UPDATE_TASK}). Other definitions keep per-task grants
 * ({@code call-selection}, {@code grant-agreement}: tasks of several groups; {@code jury-opinion}: a
 * juror's own task, by assignee; {@code call-for-projects}: its earlier versions, still running in an
 * existing database, had tasks of the secretariat and the prefecture); an assignee or a candidate user
 * still gets a grant of their own.
 * The decision per definition: {@code docs/access-matrix.md}, "Autorisations des tâches".
 */
public final class TaskGrants {

  /** Definition key → the one group all its user tasks are for. */
  public static final Map<String, String> BY_DEFINITION = Map.of(
      "instruction", Groups.INSTRUCTEURS,
      "organization-membership", Groups.INSTRUCTEURS);

  /** What the per-task grant of a candidate group gave (READ, UPDATE on the task), for every task of the definition. */
  static final Permission[] PERMISSIONS = {ProcessDefinitionPermissions.READ_TASK,
      ProcessDefinitionPermissions.UPDATE_TASK};

  private TaskGrants() {}

  /** Whether {@code group}'s grant on definition {@code key} already covers every task of it. */
  public static boolean covers(String key, String group) {
    return key != null && group != null && group.equals(BY_DEFINITION.get(key));
  }
}
