package fr.pasdecalais.habitat.aap.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.spin.json.SpinJsonNode;

/** Reading what Tasklist submits: lists arrive as Spin JSON nodes, not Java collections. */
public final class FormValues {

  private FormValues() {}

  /** A list of strings from a Spin JSON array, a Java collection, a comma-separated text, or nothing. */
  public static List<String> strings(Object value) {
    List<String> result = new ArrayList<>();
    if (value == null) {
      return result;
    }
    if (value instanceof SpinJsonNode node) {
      if (node.isArray()) {
        node.elements().forEach(e -> result.add(e.isString() ? e.stringValue() : e.toString()));
      } else if (node.isString()) {
        return strings(node.stringValue());
      }
      return result;
    }
    if (value instanceof Collection<?> c) {
      c.forEach(e -> result.add(String.valueOf(e)));
      return result;
    }
    for (String part : value.toString().split("[,;\\n]")) {
      if (!part.isBlank()) {
        result.add(part.trim());
      }
    }
    return result;
  }

  /** One entry per line of a text area (entries may contain commas); a JSON list or a collection as {@link #strings}. */
  public static List<String> lines(Object value) {
    if (value == null || value instanceof SpinJsonNode || value instanceof Collection<?>) {
      return strings(value);
    }
    List<String> result = new ArrayList<>();
    for (String line : value.toString().split("\\R")) {
      if (!line.isBlank()) {
        result.add(line.trim());
      }
    }
    return result;
  }

  /** A yes/no answer: a Boolean, or the text "true"/"false" of a radio group. */
  public static boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    return value != null && Boolean.parseBoolean(value.toString().trim());
  }

  /** Who completed the last instance of a user task of this process instance (the timeline's actor). */
  public static String lastAssignee(DelegateExecution execution, String taskDefinitionKey) {
    List<HistoricTaskInstance> tasks = execution.getProcessEngineServices().getHistoryService()
        .createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(taskDefinitionKey).finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1);
    String assignee = tasks.isEmpty() ? null : tasks.get(0).getAssignee();
    return assignee == null ? ApplicationProcess.SYSTEM_ACTOR : assignee;
  }
}
