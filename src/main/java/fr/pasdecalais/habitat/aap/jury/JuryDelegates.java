package fr.pasdecalais.habitat.aap.jury;

import fr.pasdecalais.habitat.aap.identity.Actors;
import fr.pasdecalais.habitat.aap.application.ApplicationProcess;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.notification.SendNotificationDelegate;
import fr.pasdecalais.habitat.aap.shared.RefusedException;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Service tasks and listeners of {@code jury-opinion.bpmn} (one jury member, one dossier) and of the jury step of {@code application.bpmn}. */
public final class JuryDelegates {

  public static final String VAR_JURY_MEMBER = "juryMember";
  public static final String TASK_DECLARE_CONFLICT = "Task_DeclareConflict";
  public static final String TASK_GIVE_OPINION = "Task_GiveOpinion";

  private JuryDelegates() {}

  static long applicationId(DelegateExecution execution) {
    Object id = execution.getVariable("applicationId");
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

  /** "Préparer l'avis": the opinion row, the criteria the form shows, the reminder date; refused for a non-member. */
  @Component("prepareOpinion")
  public static class PrepareOpinion implements JavaDelegate {
    private final JuryService jury;

    public PrepareOpinion(JuryService jury) {
      this.jury = jury;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Object id = execution.getVariable("applicationId");
      Object session = execution.getVariable("jurySessionId");
      Object member = execution.getVariable(VAR_JURY_MEMBER);
      Object deadline = execution.getVariable("opinionDeadline");
      execution.setVariables(jury.openOpinion(id instanceof Number n ? n.longValue() : null,
          session instanceof Number s ? s.longValue() : null, member instanceof String m ? m : null,
          deadline instanceof Date d ? d : null, execution.getProcessInstanceId()));
    }
  }

  /**
   * Complete listener of "Déclarer un éventuel conflit d'intérêts" and "Donner un avis": the
   * opinion is the assignee's; a {@code juryMember} changed to someone else refuses the completion.
   */
  @Component("checkOpinionMember")
  public static class CheckOpinionMember implements TaskListener {
    private final JuryService jury;

    public CheckOpinionMember(JuryService jury) {
      this.jury = jury;
    }

    @Override
    public void notify(DelegateTask task) {
      jury.requireOwnOpinion(task.getVariable("applicationId"), task.getAssignee(), task.getVariable(VAR_JURY_MEMBER),
          task.getProcessInstanceId());
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
      Object id = task.getVariable("applicationId");
      if (!(id instanceof Number n)) {
        throw new RefusedException("applicationId", "Un avis du jury porte sur un dossier : aucun dossier n'est indiqué.");
      }
      try {
        jury.checkScores(n.longValue(), task.getVariables());
      } catch (IllegalArgumentException e) {
        throw new RefusedException("scores", e.getMessage());
      }
      Object avis = task.getVariable("avis");
      try {
        JuryOpinion.Avis.valueOf(String.valueOf(avis));
      } catch (IllegalArgumentException e) {
        throw new RefusedException("avis", "Avis incomplet : choisissez « Favorable », « Favorable avec réserves » "
            + "ou « Défavorable ».");
      }
    }
  }

  /** "Enregistrer l'abstention", in the name of who completed the declaration. */
  @Component("recordAbstention")
  public static class RecordAbstention implements JavaDelegate {
    private final JuryService jury;

    public RecordAbstention(JuryService jury) {
      this.jury = jury;
    }

    @Override
    public void execute(DelegateExecution execution) {
      jury.abstain(applicationId(execution), completedBy(execution, TASK_DECLARE_CONFLICT),
          (String) execution.getVariable("conflictReason"));
    }
  }

  /** "Enregistrer l'avis" (locks it), in the name of who completed "Donner un avis". */
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
      jury.submit(applicationId, completedBy(execution, TASK_GIVE_OPINION), jury.checkScores(applicationId, vars),
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
