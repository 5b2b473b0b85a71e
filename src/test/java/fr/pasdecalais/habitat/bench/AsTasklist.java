package fr.pasdecalais.habitat.bench;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** What Tasklist does for a user, shared by both arms: claim if needed, then submit the form, authenticated. */
final class AsTasklist {

  private AsTasklist() {}

  static void complete(Recorder r, TaskService tasks, IdentityService identity, String taskId, String user, String group,
      boolean claim, Map<String, Object> variables) {
    identity.setAuthentication(user, List.of(group));
    try {
      if (claim) {
        tasks.claim(taskId, user);
      }
      long start = System.nanoTime();
      tasks.complete(taskId, variables);
      r.completion(System.nanoTime() - start);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A form's submitted values: name, value, name, value… */
  static VariableMap vars(Object... kv) {
    VariableMap m = Variables.createVariables();
    for (int i = 0; i < kv.length; i += 2) {
      m.putValue((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
