package fr.pasdecalais.habitat.aap.jury.process;

import static fr.pasdecalais.habitat.aap.jury.process.JuryProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_APPLICATION_ID;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_JURY_SESSION_ID;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_OPINION_DEADLINE;

import fr.pasdecalais.habitat.aap.jury.JuryService;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Préparer l'avis": the opinion row, the criteria the form shows, the reminder date; refused for a non-member. */
@Component
public class PrepareOpinion implements JavaDelegate {
  private final JuryService jury;

  public PrepareOpinion(JuryService jury) {
    this.jury = jury;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object id = execution.getVariable(VAR_APPLICATION_ID);
    Object session = execution.getVariable(VAR_JURY_SESSION_ID);
    Object member = execution.getVariable(VAR_JURY_MEMBER);
    Object deadline = execution.getVariable(VAR_OPINION_DEADLINE);
    execution.setVariables(jury.openOpinion(id instanceof Number n ? n.longValue() : null,
        session instanceof Number s ? s.longValue() : null, member instanceof String m ? m : null,
        deadline instanceof Date d ? d : null, execution.getProcessInstanceId()));
  }
}
