package fr.pasdecalais.habitat.aap.jury.process;

import static fr.pasdecalais.habitat.aap.jury.process.JuryProcess.*;

import fr.pasdecalais.habitat.aap.jury.JuryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer l'abstention", in the name of who completed the declaration. */
@Component
public class RecordAbstention implements JavaDelegate {
  private final JuryService jury;

  public RecordAbstention(JuryService jury) {
    this.jury = jury;
  }

  @Override
  public void execute(DelegateExecution execution) {
    jury.abstain(JuryExecution.applicationId(execution), JuryExecution.completedBy(execution, TASK_DECLARE_CONFLICT),
        (String) execution.getVariable(VAR_CONFLICT_REASON));
  }
}
