package fr.pasdecalais.habitat.aap.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The variables a Camunda Form may submit: the keys of its fields and the paths of its dynamic
 * lists and groups (first segment). A person completes a task or starts a process with these
 * variables and no others. Read as the engine itself, cached per process definition and element.
 */
@Component
public class FormFieldNames {

  private final TaskService taskService;
  private final FormService formService;
  private final EngineAsSystem engine;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, Set<String>> cache = new ConcurrentHashMap<>();

  public FormFieldNames(TaskService taskService, FormService formService, EngineAsSystem engine) {
    this.taskService = taskService;
    this.formService = formService;
    this.engine = engine;
  }

  /** A task's assignee and the fields of its form (empty when it has none). */
  public record TaskForm(String assignee, Set<String> fields) {}

  /** Absent when there is no such task. */
  public Optional<TaskForm> ofTask(String taskId) {
    return engine.call(() -> {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        return Optional.empty();
      }
      String key = "task:" + task.getProcessDefinitionId() + ":" + task.getTaskDefinitionKey();
      return Optional.of(new TaskForm(task.getAssignee(),
          cache.computeIfAbsent(key, k -> read(() -> formService.getDeployedTaskForm(taskId)))));
    });
  }

  /** The fields of the process definition's start form; empty when it has none. */
  public Set<String> ofStart(String processDefinitionId) {
    return engine.call(() -> cache.computeIfAbsent("start:" + processDefinitionId,
        k -> read(() -> formService.getDeployedStartForm(processDefinitionId))));
  }

  private Set<String> read(Supplier<InputStream> form) {
    try (InputStream in = form.get()) {
      if (in == null) {
        return Set.of();
      }
      Set<String> names = new LinkedHashSet<>();
      collect(mapper.readTree(in), names);
      return Set.copyOf(names);
    } catch (ProcessEngineException e) {
      return Set.of(); // no deployed Camunda Form
    } catch (IOException e) {
      throw new IllegalStateException("Formulaire illisible : " + e.getMessage(), e);
    }
  }

  private static void collect(JsonNode container, Set<String> names) {
    for (JsonNode component : container.path("components")) {
      String path = component.path("path").asText("");
      if (!path.isBlank()) {
        names.add(path.split("\\.")[0]);
        continue; // fields inside a dynamic list or a group with a path are bound under it
      }
      String key = component.path("key").asText("");
      if (!key.isBlank()) {
        names.add(key.split("\\.")[0]);
      }
      collect(component, names);
    }
  }

}
