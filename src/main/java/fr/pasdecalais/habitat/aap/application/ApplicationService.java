package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.identity.Caller;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other capabilities ask of a dossier: read it, submit or register it. The life of a dossier is
 * split by job: {@link Submissions} (submission, late arrival), {@link Instruction} (completeness,
 * regularisation, eligibility), {@link JuryStep} (jury review and result), {@link Decisions},
 * {@link Withdrawals}, and {@link ApplicationTimeline} (the dossier by id and its timeline).
 */
@Service
public class ApplicationService {

  /** What a submission produced: the dossier, and whether it came after the closing. */
  public record Submission(Application application, boolean late, Instant closesAt) {}

  private final Submissions submissions;
  private final ApplicationTimeline timeline;

  public ApplicationService(Submissions submissions, ApplicationTimeline timeline) {
    this.submissions = submissions;
    this.timeline = timeline;
  }

  /** See {@link Submissions#submit}. */
  public Submission submit(String callReference, ApplicationRequest request, Caller caller) {
    return submissions.submit(callReference, request, caller);
  }

  /** See {@link Submissions#record}. */
  public Submission record(String callReference, ApplicationRequest request, Application.Channel channel,
      Instant receivedAt, Caller caller) {
    return submissions.record(callReference, request, channel, receivedAt, caller);
  }

  public Optional<Application> find(long applicationId) {
    return timeline.find(applicationId);
  }

  public Application get(long applicationId) {
    return timeline.get(applicationId);
  }
}
