package fr.pasdecalais.habitat.aap.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * A user who is given a task by name (a jury member) may read that task's own process instance:
 * Tasklist then shows the dossier reference and organisation beside the task, and nothing of the
 * other instances. Agents read instance variables through their group's {@code READ_INSTANCE}.
 * (A jury member's opinion runs in a {@code jury-opinion} instance of their own.)
 */
@Component
public class AssigneeInstanceReadPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.addToEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, AssigneeInstanceReadPlugin::grantAssigneeRead);
  }

  static void grantAssigneeRead(DelegateTask task) {
    String assignee = task.getAssignee();
    String instanceId = task.getProcessInstanceId();
    if (assignee == null || instanceId == null) {
      return;
    }
    Context.getCommandContext().runWithoutAuthorization(() -> {
      AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
      if (authorizations.createAuthorizationQuery().userIdIn(assignee)
          .resourceType(Resources.PROCESS_INSTANCE).resourceId(instanceId).count() == 0) {
        Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        auth.setUserId(assignee);
        auth.setResource(Resources.PROCESS_INSTANCE);
        auth.setResourceId(instanceId);
        auth.addPermission(Permissions.READ);
        authorizations.saveAuthorization(auth);
      }
      return null;
    });
  }
}
