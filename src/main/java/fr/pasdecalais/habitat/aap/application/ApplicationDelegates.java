package fr.pasdecalais.habitat.aap.application;

import static fr.pasdecalais.habitat.aap.application.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.identity.Actors;
import fr.pasdecalais.habitat.aap.notification.SendNotificationDelegate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code application.bpmn} and {@code instruction.bpmn}: each reads its input
 * variables, makes one call to {@link ApplicationService} and writes its output variables.
 */
public final class ApplicationDelegates {

  private ApplicationDelegates() {}

  static long applicationId(DelegateExecution execution) {
    return ((Number) execution.getVariable(VAR_APPLICATION_ID)).longValue();
  }

  /** "Déclarer le dossier irrecevable (hors délai)". */
  @Component("declareLate")
  public static class DeclareLate implements JavaDelegate {
    private final ApplicationService service;

    public DeclareLate(ApplicationService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable(SendNotificationDelegate.VAR_NOTIFICATION_ID, service.declareLate(applicationId(execution)));
    }
  }

  /** "Enregistrer le résultat de la complétude": routes to eligibility, regularisation or rejection. */
  @Component("recordCompleteness")
  public static class RecordCompleteness implements JavaDelegate {
    private final ApplicationService service;

    public RecordCompleteness(ApplicationService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      boolean complete = FormValues.bool(execution.getVariable("complete"));
      List<String> missing = FormValues.strings(execution.getVariable("missingPieces"));
      ApplicationService.CompletenessResult result = service.recordCompleteness(applicationId(execution), complete,
          missing, (String) execution.getVariable("missingReason"), (String) execution.getVariable("completenessComment"),
          Actors.lastAssignee(execution, TASK_CHECK_COMPLETENESS));
      execution.setVariable(VAR_COMPLETENESS_OUTCOME, result.outcome().name());
      execution.setVariable(SendNotificationDelegate.VAR_NOTIFICATION_ID, result.notificationId());
      execution.setVariable(VAR_REGULARIZATION_DEADLINE, result.deadline());
    }
  }

  /** "Rejeter le dossier incomplet". */
  @Component("rejectIncomplete")
  public static class RejectIncomplete implements JavaDelegate {
    private final ApplicationService service;

    public RejectIncomplete(ApplicationService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable(SendNotificationDelegate.VAR_NOTIFICATION_ID, service.rejectIncomplete(applicationId(execution)));
      execution.setVariable(VAR_ELIGIBLE, false);
    }
  }

  /** "Contrôler l'éligibilité (contrôles automatiques)": what the agent's form shows. */
  @Component("checkEligibility")
  public static class CheckEligibility implements JavaDelegate {
    private final ApplicationService service;

    public CheckEligibility(ApplicationService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ApplicationService.EligibilityChecks checks = service.eligibilityChecks(applicationId(execution));
      execution.setVariable("autoEligible", checks.eligible());
      execution.setVariable("eligibilityChecks", checks.text());
    }
  }

  /** "Enregistrer l'éligibilité". */
  @Component("recordEligibility")
  public static class RecordEligibility implements JavaDelegate {
    private final ApplicationService service;

    public RecordEligibility(ApplicationService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      boolean eligible = FormValues.bool(execution.getVariable(VAR_ELIGIBLE));
      boolean auto = FormValues.bool(execution.getVariable("autoEligible"));
      Long notificationId = service.recordEligibility(applicationId(execution), eligible, auto,
          (String) execution.getVariable("eligibilityReason"), Actors.lastAssignee(execution, TASK_CHECK_ELIGIBILITY))
          .orElse(null);
      execution.setVariable(SendNotificationDelegate.VAR_NOTIFICATION_ID, notificationId);
      execution.setVariable(VAR_ELIGIBLE, eligible);
    }
  }

  /** "Ouvrir l'examen par le jury". */
  @Component("openJuryReview")
  public static class OpenJuryReview implements JavaDelegate {
    private final ApplicationService service;

    public OpenJuryReview(ApplicationService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Object members = execution.getVariable(VAR_JURY_MEMBERS);
      if (!(members instanceof List<?> list) || list.isEmpty()) {
        throw new IllegalStateException("Variable juryMembers absente ou vide : le jury doit compter au moins un membre.");
      }
      Number session = (Number) execution.getVariable(VAR_JURY_SESSION_ID);
      service.openJuryReview(applicationId(execution), session == null ? null : session.longValue(),
          list.stream().map(String::valueOf).toList());
    }
  }

  /** "Enregistrer la décision". */
  @Component("recordDecision")
  public static class RecordDecision implements JavaDelegate {
    private final ApplicationService service;

    public RecordDecision(ApplicationService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Number award = (Number) execution.getVariable(VAR_AWARD_DECISION_ID);
      execution.setVariable(SendNotificationDelegate.VAR_NOTIFICATION_ID, service.recordDecision(applicationId(execution),
          Boolean.TRUE.equals(execution.getVariable(VAR_GRANTED)), award == null ? null : award.longValue(),
          (String) execution.getVariable(VAR_DECISION_LABEL)));
    }
  }

  /** "Enregistrer le désistement". */
  @Component("recordWithdrawal")
  public static class RecordWithdrawal implements JavaDelegate {
    private final ApplicationService service;

    public RecordWithdrawal(ApplicationService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable(SendNotificationDelegate.VAR_NOTIFICATION_ID, service.recordWithdrawal(applicationId(execution),
          (String) execution.getVariable(VAR_WITHDRAWAL_REASON), (String) execution.getVariable(VAR_WITHDRAWN_BY)));
    }
  }
}
