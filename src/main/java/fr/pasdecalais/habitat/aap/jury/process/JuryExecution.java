package fr.pasdecalais.habitat.aap.jury.process;

import static fr.pasdecalais.habitat.aap.jury.process.JuryProcess.VAR_JURY_MEMBER;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_APPLICATION_ID;

import fr.pasdecalais.habitat.aap.identity.Actors;
import fr.pasdecalais.habitat.aap.jury.JuryService;
import fr.pasdecalais.habitat.aap.shared.RefusedException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reading the jury-opinion variables and who completed its tasks, for its delegates. */
final class JuryExecution {

  private JuryExecution() {}

  static long applicationId(DelegateExecution execution) {
    Object id = execution.getVariable(VAR_APPLICATION_ID);
    if (!(id instanceof Number n)) {
      throw new RefusedException("applicationId", "Un avis du jury porte sur un dossier : aucun dossier n'est indiqué.");
    }
    return n.longValue();
  }

  /** The juror of the opinion: who completed the task, as the engine recorded it (never the variable). */
  static String completedBy(DelegateExecution execution, String taskDefinitionKey) {
    String assignee = Actors.lastAssignee(execution, taskDefinitionKey);
    if (assignee == null || Actors.SYSTEM.equals(assignee)) {
      throw new RefusedException(VAR_JURY_MEMBER, JuryService.NOT_YOUR_OPINION);
    }
    return assignee;
  }
}
