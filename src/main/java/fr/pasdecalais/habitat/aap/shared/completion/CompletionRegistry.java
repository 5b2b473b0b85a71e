package fr.pasdecalais.habitat.aap.shared.completion;

import fr.pasdecalais.habitat.aap.shared.DomainException.FieldProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Every {@link CompletionRules} bean, by task key: the one place a completion is checked from. */
@Component
public class CompletionRegistry {

  private final Map<String, CompletionRules> rules = new TreeMap<>();

  public CompletionRegistry(List<CompletionRules> all) {
    for (CompletionRules r : all) {
      CompletionRules previous = rules.put(r.taskKey(), r);
      if (previous != null) {
        throw new IllegalStateException("Two completion rules for " + r.taskKey() + ": "
            + previous.getClass().getName() + " and " + r.getClass().getName());
      }
    }
  }

  /** The task keys that have rules. */
  public Set<String> taskKeys() {
    return rules.keySet();
  }

  /**
   * The problems of completing task {@code taskKey} with {@code values} (its variables with the
   * submitted ones over them); empty when the completion may go on, or when the task has no rules.
   */
  public List<FieldProblem> check(String taskKey, String taskName, String processInstanceId, Map<String, Object> values) {
    CompletionRules r = taskKey == null ? null : rules.get(taskKey);
    if (r == null) {
      return List.of();
    }
    Completion completion = new Completion(taskKey, taskName, processInstanceId, values);
    r.check(completion);
    return completion.problems();
  }
}
