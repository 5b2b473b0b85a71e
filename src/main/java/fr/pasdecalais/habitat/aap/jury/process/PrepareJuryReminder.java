package fr.pasdecalais.habitat.aap.jury.process;

import static fr.pasdecalais.habitat.aap.jury.process.JuryProcess.*;

import fr.pasdecalais.habitat.aap.jury.JuryService;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Préparer la relance": an e-mail to the member, or nothing ({@code notificationId} null) when the opinion is in. */
@Component
public class PrepareJuryReminder implements JavaDelegate {
  private final JuryService jury;

  public PrepareJuryReminder(JuryService jury) {
    this.jury = jury;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ProcessContract.VAR_NOTIFICATION_ID, jury.reminder(JuryExecution.applicationId(execution),
        (String) execution.getVariable(VAR_JURY_MEMBER), (String) execution.getVariable(VAR_OPINION_DEADLINE_TEXT)));
  }
}
