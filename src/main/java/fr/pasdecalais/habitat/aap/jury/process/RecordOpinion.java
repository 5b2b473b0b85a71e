package fr.pasdecalais.habitat.aap.jury.process;

import static fr.pasdecalais.habitat.aap.jury.process.JuryProcess.*;

import fr.pasdecalais.habitat.aap.jury.JuryOpinion;
import fr.pasdecalais.habitat.aap.jury.JuryService;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer l'avis" (locks it), in the name of who completed "Donner un avis". */
@Component
public class RecordOpinion implements JavaDelegate {
  private final JuryService jury;

  public RecordOpinion(JuryService jury) {
    this.jury = jury;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = JuryExecution.applicationId(execution);
    Map<String, Object> vars = execution.getVariables();
    jury.submit(applicationId, JuryExecution.completedBy(execution, TASK_GIVE_OPINION), jury.checkScores(applicationId, vars),
        JuryOpinion.Avis.valueOf((String) execution.getVariable(VAR_AVIS)), (String) execution.getVariable(VAR_OPINION_COMMENT));
  }
}
