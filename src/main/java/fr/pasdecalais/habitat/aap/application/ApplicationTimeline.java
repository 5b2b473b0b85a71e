package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A dossier read by id, its process link, and its timeline ({@link ApplicationEvent}): what every step writes. */
@Service
public class ApplicationTimeline {

  private final ApplicationRepository applications;
  private final ApplicationEventRepository events;

  public ApplicationTimeline(ApplicationRepository applications, ApplicationEventRepository events) {
    this.applications = applications;
    this.events = events;
  }

  @Transactional
  public void attachProcess(long applicationId, String processInstanceId) {
    get(applicationId).attachProcess(processInstanceId);
  }

  @Transactional(readOnly = true)
  public Optional<Application> find(long applicationId) {
    return applications.findById(applicationId);
  }

  @Transactional(readOnly = true)
  public Application get(long applicationId) {
    return applications.findById(applicationId)
        .orElseThrow(() -> new IllegalStateException("Dossier " + applicationId + " introuvable"));
  }

  @Transactional
  public void log(Application a, String actor, String type, String description) {
    events.save(new ApplicationEvent(a.getId(), EngineClock.now(), actor, type, description));
  }

  @Transactional
  public void log(long applicationId, String actor, String type, String description) {
    log(get(applicationId), actor, type, description);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
