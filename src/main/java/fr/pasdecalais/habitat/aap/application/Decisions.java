package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.identity.Actors;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The decision on a dossier: step "Enregistrer la décision". */
@Service
public class Decisions {

  private final ApplicationNotifications notifications;
  private final ApplicationTimeline timeline;
  private final CallCatalog calls;

  public Decisions(ApplicationNotifications notifications, ApplicationTimeline timeline, CallCatalog calls) {
    this.notifications = notifications;
    this.timeline = timeline;
    this.calls = calls;
  }

  /** Step "Enregistrer la décision": returns the notification to send. */
  @Transactional
  public long recordDecision(long applicationId, boolean granted, Long awardDecisionId, String label) {
    Application a = get(applicationId);
    Instant now = EngineClock.now();
    a.decided(granted, awardDecisionId, label, now);
    a.moveTo(granted ? ApplicationState.GRANTED : ApplicationState.REFUSED, now);
    log(a, Actors.SYSTEM, "DECISION", decisionLine(granted, label));
    String title = calls.getByReference(a.getCallReference()).getTitle();
    return (granted ? notifications.granted(a, title, label) : notifications.refused(a, title, label)).getId();
  }

  /**
   * The timeline's line of a decision: the label as the decision wrote it ("Subvention accordée :
   * 33 600,00 €…", see {@code decision.AwardDecision#frenchLabel}), never prefixed twice.
   */
  static String decisionLine(boolean granted, String label) {
    String prefix = granted ? "Subvention accordée" : "Subvention refusée";
    if (label == null || label.isBlank()) {
      return prefix + ".";
    }
    String text = label.trim();
    String line = text.regionMatches(true, 0, prefix, 0, prefix.length()) ? text : prefix + " : " + text;
    return line.endsWith(".") ? line : line + ".";
  }

  private Application get(long applicationId) {
    return timeline.get(applicationId);
  }

  private void log(Application a, String actor, String type, String description) {
    timeline.log(a, actor, type, description);
  }
}
