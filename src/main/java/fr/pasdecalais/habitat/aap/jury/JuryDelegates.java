package fr.pasdecalais.habitat.aap.jury;

import fr.pasdecalais.habitat.aap.notification.SendNotificationDelegate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Service tasks and listeners of {@code jury-opinion.bpmn} (one jury member, one dossier) and of the jury step of {@code application.bpmn}. */
public final class JuryDelegates {

  public static final String VAR_JURY_MEMBER = "juryMember";

  private JuryDelegates() {}

  static long applicationId(DelegateExecution execution) {
    return ((Number) execution.getVariable("applicationId")).longValue();
  }

  /** "Préparer l'avis": the opinion row, the criteria the form shows, the reminder date. */
  @Component("prepareOpinion")
  public static class PrepareOpinion implements JavaDelegate {
    private final JuryService jury;

    public PrepareOpinion(JuryService jury) {
      this.jury = jury;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Number session = (Number) execution.getVariable("jurySessionId");
      execution.setVariables(jury.openOpinion(applicationId(execution), session == null ? null : session.longValue(),
          (String) execution.getVariable(VAR_JURY_MEMBER), (Date) execution.getVariable("opinionDeadline")));
    }
  }

  /** Complete listener of "Donner un avis": refuses scores outside each criterion's scale, with the French reason. */
  @Component("checkOpinionScores")
  public static class CheckOpinionScores implements TaskListener {
    private final JuryService jury;

    public CheckOpinionScores(JuryService jury) {
      this.jury = jury;
    }

    @Override
    public void notify(DelegateTask task) {
      try {
        jury.checkScores(((Number) task.getVariable("applicationId")).longValue(), task.getVariables());
      } catch (IllegalArgumentException e) {
        throw new ProcessEngineException(e.getMessage(), e);
      }
    }
  }

  /** "Enregistrer l'abstention". */
  @Component("recordAbstention")
  public static class RecordAbstention implements JavaDelegate {
    private final JuryService jury;

    public RecordAbstention(JuryService jury) {
      this.jury = jury;
    }

    @Override
    public void execute(DelegateExecution execution) {
      jury.abstain(applicationId(execution), (String) execution.getVariable(VAR_JURY_MEMBER),
          (String) execution.getVariable("conflictReason"));
    }
  }

  /** "Enregistrer l'avis" (locks it). */
  @Component("recordOpinion")
  public static class RecordOpinion implements JavaDelegate {
    private final JuryService jury;

    public RecordOpinion(JuryService jury) {
      this.jury = jury;
    }

    @Override
    public void execute(DelegateExecution execution) {
      long applicationId = applicationId(execution);
      Map<String, Object> vars = execution.getVariables();
      jury.submit(applicationId, (String) execution.getVariable(VAR_JURY_MEMBER), jury.checkScores(applicationId, vars),
          JuryOpinion.Avis.valueOf((String) execution.getVariable("avis")), (String) execution.getVariable("opinionComment"));
    }
  }

  /** "Préparer la relance": an e-mail to the member, or nothing ({@code notificationId} null) when the opinion is in. */
  @Component("prepareJuryReminder")
  public static class PrepareJuryReminder implements JavaDelegate {
    private final JuryService jury;

    public PrepareJuryReminder(JuryService jury) {
      this.jury = jury;
    }

    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable(SendNotificationDelegate.VAR_NOTIFICATION_ID, jury.reminder(applicationId(execution),
          (String) execution.getVariable(VAR_JURY_MEMBER), (String) execution.getVariable("opinionDeadlineText")));
    }
  }

  /** "Calculer la note pondérée" once every member has given (or declined) an opinion. */
  @Component("completeJuryReview")
  public static class CompleteJuryReview implements JavaDelegate {
    private final JuryService jury;

    public CompleteJuryReview(JuryService jury) {
      this.jury = jury;
    }

    @Override
    public void execute(DelegateExecution execution) {
      jury.completeReview(applicationId(execution));
    }
  }
}
