package fr.pasdecalais.habitat.aap.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's default task grants, except the one of a candidate group that its grant on the
 * task's process definition already covers ({@link TaskGrants}): Tasklist's count then checks a
 * handful of definition grants instead of one grant per task. Assignees, owners and candidate
 * users keep their grant on the task (a juror's own task), and so do the groups of the definitions
 * whose tasks are for several groups.
 */
@Component
public class DefinitionTaskGrantsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  static class Provider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      if (TaskGrants.covers(definitionKey(task), groupId)) {
        return null;
      }
      return super.newTaskGroupIdentityLink(task, groupId, type);
    }

    private static String definitionKey(Task task) {
      if (task instanceof TaskEntity entity && task.getProcessDefinitionId() != null) {
        ProcessDefinition definition = entity.getProcessDefinition();
        return definition == null ? null : definition.getKey();
      }
      return null;
    }
  }
}
