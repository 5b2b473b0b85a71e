package fr.pasdecalais.habitat.aap.identity;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

/** Who acted, as timelines and records name them: a user id, or the system actor for the engine itself. */
public final class Actors {

  /** The engine's user id in timelines (timers, service tasks, messages). */
  public static final String SYSTEM = "système";

  private Actors() {}

  /** Who completed the last instance of a user task of this process instance (the timeline's actor). */
  public static String lastAssignee(DelegateExecution execution, String taskDefinitionKey) {
    List<HistoricTaskInstance> tasks = execution.getProcessEngineServices().getHistoryService()
        .createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(taskDefinitionKey).finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1);
    String assignee = tasks.isEmpty() ? null : tasks.get(0).getAssignee();
    return assignee == null ? SYSTEM : assignee;
  }
}
