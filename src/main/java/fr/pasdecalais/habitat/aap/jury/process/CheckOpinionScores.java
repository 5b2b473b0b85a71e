package fr.pasdecalais.habitat.aap.jury.process;

import static fr.pasdecalais.habitat.aap.jury.process.JuryProcess.VAR_AVIS;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_APPLICATION_ID;

import fr.pasdecalais.habitat.aap.jury.JuryOpinion;
import fr.pasdecalais.habitat.aap.jury.JuryService;
import fr.pasdecalais.habitat.aap.shared.RefusedException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of "Donner un avis": refuses scores outside each criterion's scale, with the French reason. */
@Component
public class CheckOpinionScores implements TaskListener {
  private final JuryService jury;

  public CheckOpinionScores(JuryService jury) {
    this.jury = jury;
  }

  @Override
  public void notify(DelegateTask task) {
    Object id = task.getVariable(VAR_APPLICATION_ID);
    if (!(id instanceof Number n)) {
      throw new RefusedException("applicationId", "Un avis du jury porte sur un dossier : aucun dossier n'est indiqué.");
    }
    try {
      jury.checkScores(n.longValue(), task.getVariables());
    } catch (IllegalArgumentException e) {
      throw new RefusedException("scores", e.getMessage());
    }
    Object avis = task.getVariable(VAR_AVIS);
    try {
      JuryOpinion.Avis.valueOf(String.valueOf(avis));
    } catch (IllegalArgumentException e) {
      throw new RefusedException("avis", "Avis incomplet : choisissez « Favorable », « Favorable avec réserves » "
          + "ou « Défavorable ».");
    }
  }
}
