package fr.pasdecalais.habitat.aap.identity;

import com.fasterxml.jackson.databind.JsonNode;
import fr.pasdecalais.habitat.aap.shared.DomainException.FieldProblem;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRegistry;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The completion rules at the engine's REST doors: {@link EngineApiGuard} hands over a task
 * completion's JSON variables ({@code {"name": {"value": …, "type": …}}}), read here as the Java
 * values the engine would store, laid over the task's variables, and checked by the task's rules
 * before the engine is reached.
 */
@Component
public class CompletionGate {

  private final TaskService taskService;
  private final EngineAsSystem engine;
  private final CompletionRegistry registry;

  public CompletionGate(TaskService taskService, EngineAsSystem engine, CompletionRegistry registry) {
    this.taskService = taskService;
    this.engine = engine;
    this.registry = registry;
  }

  /** The task's name and the problems of completing it with {@code variables} (a JSON object, or missing). */
  public record Verdict(String taskName, List<FieldProblem> problems) {}

  public Verdict check(String taskId, JsonNode variables) {
    return engine.call(() -> {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null || !registry.taskKeys().contains(task.getTaskDefinitionKey())) {
        return new Verdict(null, List.of());
      }
      Map<String, Object> values = new HashMap<>(taskService.getVariables(taskId));
      values.putAll(javaValues(variables));
      return new Verdict(task.getName(), registry.check(task.getTaskDefinitionKey(), task.getName(),
          task.getProcessInstanceId(), values));
    });
  }

  /** REST variables as Java values: Json and Object values as their JSON text, dates as {@link java.util.Date}. */
  static Map<String, Object> javaValues(JsonNode variables) {
    Map<String, Object> values = new HashMap<>();
    if (variables == null || !variables.isObject()) {
      return values;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      JsonNode value = v.isObject() ? v.path("value") : v;
      String type = v.isObject() ? v.path("type").asText("") : "";
      values.put(e.getKey(), javaValue(value, type.toLowerCase(Locale.ROOT)));
    }
    return values;
  }

  private static Object javaValue(JsonNode value, String type) {
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    switch (type) {
      case "json", "object", "xml":
        return value.isTextual() ? value.asText() : value.toString();
      case "string":
        return value.isValueNode() ? value.asText() : value.toString();
      case "boolean":
        if (value.isBoolean()) {
          return value.booleanValue();
        }
        return value.asText(); // "true"/"false" read by the rules, anything else refused by them
      case "integer", "long", "short", "double":
        return value.isNumber() ? value.decimalValue() : value.asText();
      case "date":
        if (value.isTextual()) {
          try {
            return new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").parse(value.asText());
          } catch (ParseException ex) {
            return value.asText();
          }
        }
        return value.toString();
      default:
        if (value.isBoolean()) {
          return value.booleanValue();
        }
        if (value.isNumber()) {
          return value.decimalValue();
        }
        return value.isTextual() ? value.asText() : value.toString();
    }
  }


}
