package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dossiers: submission, reading, withdrawal. */
@RestController
public class ApplicationController {

  private final Submissions submissions;
  private final Instruction instruction;
  private final Withdrawals withdrawals;
  private final ApplicationReading reading;
  private final ApplicationAccess access;

  public ApplicationController(Submissions submissions, Instruction instruction, Withdrawals withdrawals,
      ApplicationReading reading, ApplicationAccess access) {
    this.submissions = submissions;
    this.instruction = instruction;
    this.withdrawals = withdrawals;
    this.reading = reading;
    this.access = access;
  }

  /** What a submission answers. */
  public record SubmissionView(String reference, String state, String stateLabel, String href) {}

  /**
   * Submits a dossier (partner accounts and instructors): 201 with the reference and a Location. A
   * dossier submitted after the closing is recorded as irrecevable (hors délai), the applicant is
   * notified, and the answer is a 409 naming the closing date and the recorded dossier.
   */
  @PostMapping(path = "/api/calls/{reference}/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('porteurs', 'instructeurs', 'camunda-admin')")
  public ResponseEntity<?> submit(@PathVariable String reference, @RequestBody ApplicationRequest request) {
    // validated by the service (Jakarta Validation + rules across fields), so that every problem is listed at once
    ApplicationService.Submission s = submissions.submit(reference, request, Caller.current());
    Application a = s.application();
    URI location = URI.create("/api/applications/" + a.getReference());
    if (s.late()) {
      ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "L'appel « " + reference
          + " » est clos depuis le " + ParisDateTime.french(OffsetDateTime.ofInstant(s.closesAt(), ParisDateTime.PARIS))
          + " : le dossier " + a.getReference() + " est enregistré comme irrecevable (hors délai) et le porteur en est informé.");
      pd.setTitle("Appel clos");
      pd.setType(URI.create("about:blank"));
      pd.setProperty("reference", a.getReference());
      return ResponseEntity.status(HttpStatus.CONFLICT).location(location).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
    return ResponseEntity.created(location)
        .body(new SubmissionView(a.getReference(), a.getState().name(), a.getState().label(), location.toString()));
  }

  @GetMapping("/api/applications/{reference}")
  public ApplicationReading.ApplicationView get(@PathVariable String reference) {
    return reading.view(reference, Caller.current());
  }

  @GetMapping("/api/applications")
  public List<ApplicationReading.ApplicationSummary> list(@RequestParam(name = "call", required = false) String call,
      @RequestParam(name = "state", required = false) String state) {
    return reading.list(call, state, Caller.current());
  }

  private static void checkLength(String text, String field, String message) {
    if (text != null && text.length() > 1000) {
      throw fr.pasdecalais.habitat.aap.shared.DomainException.invalid(field, message);
    }
  }

  /** Pieces received by post or e-mail. */
  public record PiecesReceivedRequest(String comment) {}

  /** Instructors: pieces of a dossier in regularisation arrived by post or e-mail; back to the completeness check. */
  @PostMapping("/api/applications/{reference}/pieces-received")
  @PreAuthorize("hasAnyRole('instructeurs', 'camunda-admin')")
  public ApplicationReading.ApplicationView piecesReceived(@PathVariable String reference,
      @RequestBody(required = false) PiecesReceivedRequest request) {
    checkLength(request == null ? null : request.comment(), "comment", "Le commentaire dépasse 1 000 caractères.");
    instruction.piecesReceived(reference, request == null ? null : request.comment(), Caller.current(), access);
    return reading.view(reference, Caller.current());
  }

  /** The reason of a withdrawal. */
  public record WithdrawalRequest(String reason) {}

  /** Withdraws the dossier (its organisation or an instructor), before the decision: open tasks are cancelled. */
  @PostMapping("/api/applications/{reference}/withdrawal")
  public ResponseEntity<ApplicationReading.ApplicationView> withdraw(@PathVariable String reference,
      @RequestBody(required = false) WithdrawalRequest request) {
    checkLength(request == null ? null : request.reason(), "reason", "Le motif dépasse 1 000 caractères.");
    withdrawals.withdraw(reference, request == null ? null : request.reason(), Caller.current(), access);
    return ResponseEntity.ok(reading.view(reference, Caller.current()));
  }
}
