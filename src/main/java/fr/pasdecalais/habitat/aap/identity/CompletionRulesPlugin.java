package fr.pasdecalais.habitat.aap.identity;

import fr.pasdecalais.habitat.aap.shared.DomainException.FieldProblem;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRefusedException;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRegistry;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The completion rules inside the engine: a complete listener on every user task applies the
 * task's {@code CompletionRules} to its variables when a person completes it (an authenticated user),
 * whatever the door (Java API, our {@code /api}, a REST call that {@link EngineApiGuard} let through).
 * When the engine completes a task itself (no authenticated user: a demo loader, a test), nothing is
 * checked here, as in {@link CompleterPlugin}; the services' own checks still apply. A violation throws {@link
 * CompletionRefusedException}: the completion is rolled back, the task stays open, no incident.
 * The registry is looked up at completion time (its rules use services built on the engine).
 */
@Component
public class CompletionRulesPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CompletionRegistry> registry;

  public CompletionRulesPlugin(ObjectProvider<CompletionRegistry> registry) {
    this.registry = registry;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener listener = this::check;
    UserTaskListeners.addToEveryUserTask(configuration, TaskListener.EVENTNAME_COMPLETE, listener);
  }

  void check(DelegateTask task) {
    CommandContext context = Context.getCommandContext();
    if (context == null || context.getAuthenticatedUserId() == null) {
      return; // the engine completing a task itself (a demo loader, a test without authentication), as CompleterPlugin
    }
    CompletionRegistry rules = registry.getIfAvailable();
    if (rules == null) {
      return;
    }
    List<FieldProblem> problems = rules.check(task.getTaskDefinitionKey(), task.getName(), task.getProcessInstanceId(),
        task.getVariables());
    if (!problems.isEmpty()) {
      throw new CompletionRefusedException(task.getName(), problems);
    }
  }
}
