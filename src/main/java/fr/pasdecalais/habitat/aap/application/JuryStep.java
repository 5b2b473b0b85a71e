package fr.pasdecalais.habitat.aap.application;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.identity.Actors;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dossier before the jury: the review opened, the jury's result, and the end of the session's review. */
@Service
public class JuryStep {

  private final ApplicationRepository applications;
  private final ApplicationCounterRepository counters;
  private final ApplicationTimeline timeline;
  private final RuntimeService runtime;

  public JuryStep(ApplicationRepository applications, ApplicationCounterRepository counters,
      ApplicationTimeline timeline, RuntimeService runtime) {
    this.applications = applications;
    this.counters = counters;
    this.timeline = timeline;
    this.runtime = runtime;
  }

  /** Step "Ouvrir l'examen par le jury". */
  @Transactional
  public void openJuryReview(long applicationId, Long jurySessionId, List<String> juryMembers) {
    Application a = get(applicationId);
    a.juryConvened(jurySessionId);
    a.moveTo(ApplicationState.UNDER_JURY_REVIEW, EngineClock.now());
    log(a, Actors.SYSTEM, "JURY", "Jury réuni : " + juryMembers.size() + " avis attendus (" + String.join(", ", juryMembers) + ").");
  }

  /**
   * The jury has given every opinion on the dossier: its score, and {@code Message_AllOpinionsIn}
   * to the call when no dossier of the session is still under review. The call's counter row is
   * locked so that two dossiers finishing at once cannot both miss the last one.
   */
  @Transactional
  public void recordJuryResult(long applicationId, java.math.BigDecimal weightedScore, String progress) {
    Application a = get(applicationId);
    a.scored(weightedScore);
    a.moveTo(ApplicationState.OPINIONS_IN, EngineClock.now());
    log(a, Actors.SYSTEM, "AVIS_COMPLETS", "Tous les avis sont rendus (" + progress + ")"
        + (weightedScore == null ? " ; aucune note (abstentions)." : " ; note pondérée " + weightedScore.toPlainString().replace('.', ',') + " / 100."));
    signalIfSessionComplete(a);
  }

  /**
   * {@code Message_AllOpinionsIn} to the call when no other dossier of {@code a}'s session is still under
   * review (also after a withdrawal, see {@link Withdrawals}). Runs in the caller's transaction.
   */
  @Transactional
  public void signalIfSessionComplete(Application a) {
    if (a.getJurySessionId() == null) {
      return;
    }
    counters.lock(a.getCallReference());
    // a session belongs to one call: only that call's dossiers count
    boolean stillUnderReview = applications.findByJurySessionId(a.getJurySessionId()).stream()
        .filter(other -> other.getCallReference().equals(a.getCallReference()))
        .anyMatch(other -> other.getState() == ApplicationState.UNDER_JURY_REVIEW && !other.getId().equals(a.getId()));
    if (!stillUnderReview) {
      // the selection waiting for this session: a call decided lot by lot waits in one instance per lot,
      // each with its own session; one that knows no session (whole call started elsewhere) is told too
      for (var waiting : runtime.createExecutionQuery().messageEventSubscriptionName(MSG_ALL_OPINIONS_IN)
          .processInstanceBusinessKey(a.getCallReference()).list()) {
        Object session = runtime.getVariable(waiting.getId(), VAR_JURY_SESSION_ID);
        if (session == null || ((Number) session).longValue() == a.getJurySessionId()) {
          runtime.createMessageCorrelation(MSG_ALL_OPINIONS_IN).processInstanceId(waiting.getProcessInstanceId())
              .correlateAllWithResult();
        }
      }
    }
  }

  private Application get(long applicationId) {
    return timeline.get(applicationId);
  }

  private void log(Application a, String actor, String type, String description) {
    timeline.log(a, actor, type, description);
  }
}
