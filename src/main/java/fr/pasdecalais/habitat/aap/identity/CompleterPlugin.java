package fr.pasdecalais.habitat.aap.identity;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Who completed a task is the authenticated user, whatever the door (Tasklist, the engine REST
 * API, our API): a task given to someone is completed by that person only, and a group task
 * completed without being claimed is first given to the person completing it, so that its history
 * (and every "who" the delegates read from it) names them. When the engine completes a task
 * itself (a job, a demo loader, a test without authentication), nothing is checked.
 */
@Component
public class CompleterPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.addToEveryUserTask(configuration, TaskListener.EVENTNAME_COMPLETE, CompleterPlugin::completedByItsAssignee);
  }

  static void completedByItsAssignee(DelegateTask task) {
    CommandContext context = Context.getCommandContext();
    String user = context == null ? null : context.getAuthenticatedUserId();
    if (user == null) {
      return;
    }
    String assignee = task.getAssignee();
    if (assignee == null) {
      task.setAssignee(user);
    } else if (!assignee.equals(user)) {
      throw new FormFieldValidationException("assignee", "La tâche « " + task.getName() + " » est attribuée à "
          + assignee + " : seule cette personne peut la terminer.");
    }
  }
}
