package fr.pasdecalais.habitat.aap.application;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.identity.Actors;
import fr.pasdecalais.habitat.aap.identity.EngineAsSystem;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Withdrawal of a dossier before the decision: the API action and step "Enregistrer le désistement". */
@Service
public class Withdrawals {

  private final ApplicationRepository applications;
  private final ApplicationNotifications notifications;
  private final ApplicationTimeline timeline;
  private final JuryStep jury;
  private final CallCatalog calls;
  private final RuntimeService runtime;
  private final EngineAsSystem engine;

  public Withdrawals(ApplicationRepository applications, ApplicationNotifications notifications,
      ApplicationTimeline timeline, JuryStep jury, CallCatalog calls, RuntimeService runtime, EngineAsSystem engine) {
    this.applications = applications;
    this.notifications = notifications;
    this.timeline = timeline;
    this.jury = jury;
    this.calls = calls;
    this.runtime = runtime;
    this.engine = engine;
  }

  /** API: the applicant or an agent withdraws the dossier before the decision. */
  @Transactional
  public Application withdraw(String reference, String reason, Caller caller, ApplicationAccess access) {
    // the dossier's row is locked before it is read: a second withdrawal at the same instant waits, then
    // finds it withdrawn (409) instead of racing the first one through the engine
    applications.lockByReference(reference);
    Application a = access.actionable(reference, caller);
    if (ApplicationState.FINAL.contains(a.getState()) || ApplicationState.DECIDED.contains(a.getState())) {
      throw new DomainException(DomainException.Kind.CONFLICT, "Désistement impossible", "Le dossier « " + reference
          + " » est à l'état « " + a.getState().label() + " » : un désistement n'est possible qu'avant la décision.");
    }
    List<?> result = engine.call(() -> runtime.createMessageCorrelation(MSG_WITHDRAWAL)
        .processInstanceBusinessKey(reference)
        .setVariable(VAR_WITHDRAWAL_REASON, reason)
        .setVariable(VAR_WITHDRAWN_BY, caller.userId())
        .correlateAllWithResult());
    if (result.isEmpty()) {
      throw DomainException.conflict("Le dossier « " + reference + " » n'a pas de procédure en cours : désistement impossible.");
    }
    return a;
  }

  /** Step "Enregistrer le désistement": returns the notification to send. */
  @Transactional
  public long recordWithdrawal(long applicationId, String reason, String actor) {
    Application a = get(applicationId);
    boolean wasUnderReview = a.getState() == ApplicationState.UNDER_JURY_REVIEW;
    a.withdrawn(blankToNull(reason));
    a.moveTo(ApplicationState.WITHDRAWN, EngineClock.now());
    if (wasUnderReview) {
      jury.signalIfSessionComplete(a);
    }
    log(a, actor == null ? Actors.SYSTEM : actor, "DESISTEMENT", "Désistement" + (reason == null || reason.isBlank() ? "." : " : " + reason));
    return notifications.withdrawn(a, calls.getByReference(a.getCallReference()).getTitle(), reason).getId();
  }

  private Application get(long applicationId) {
    return timeline.get(applicationId);
  }

  private void log(Application a, String actor, String type, String description) {
    timeline.log(a, actor, type, description);
  }

  private static String blankToNull(String s) {
    return ApplicationTimeline.blankToNull(s);
  }
}
