package fr.pasdecalais.habitat.aap.jury.process;

import static fr.pasdecalais.habitat.aap.jury.process.JuryProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_APPLICATION_ID;

import fr.pasdecalais.habitat.aap.jury.JuryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of "Déclarer un éventuel conflit d'intérêts" and "Donner un avis": the
 * opinion is the assignee's; a {@code juryMember} changed to someone else refuses the completion.
 */
@Component
public class CheckOpinionMember implements TaskListener {
  private final JuryService jury;

  public CheckOpinionMember(JuryService jury) {
    this.jury = jury;
  }

  @Override
  public void notify(DelegateTask task) {
    jury.requireOwnOpinion(task.getVariable(VAR_APPLICATION_ID), task.getAssignee(), task.getVariable(VAR_JURY_MEMBER),
        task.getProcessInstanceId());
  }
}
