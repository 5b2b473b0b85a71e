package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Dossiers", description = "Dépôt, lecture, régularisation et désistement des dossiers")
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
  @Operation(summary = "Déposer un dossier",
      description = "Comptes partenaires (pour une organisation dont ils sont membres) et instructeurs. SIRET contrôlé (clé de Luhn). Après la clôture : le dossier est enregistré irrecevable et la réponse est un 409. Un compte partenaire pas encore membre de l'organisation reçoit 403 et une demande de rattachement part aux instructeurs.")
  @ApiResponse(responseCode = "201", description = "Dossier déposé (en-tête Location)")
  @ApiResponse(responseCode = "404", description = "Appel inconnu ou brouillon")
  @ApiResponse(responseCode = "409", description = "Appel pas encore ouvert, clos (dossier enregistré irrecevable) ou dossier en double")
  @PostMapping(path = "/api/calls/{reference}/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('porteurs', 'instructeurs', 'camunda-admin')")
  public ResponseEntity<?> submit(@Parameter(description = "Référence de l'appel, ex. AAP-2023-ASTRE") @PathVariable String reference, @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "L'organisation, le lot, les territoires, le montant demandé et le résumé du projet") @RequestBody ApplicationRequest request) {
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

  @Operation(summary = "Lire un dossier",
      description = "État, chronologie jusqu'à la clôture de la convention, régularisations, pièces demandées, décision (avis du jury pour les agents). Un dossier que le compte ne peut pas lire est un 404.")
  @ApiResponse(responseCode = "200", description = "Le dossier")
  @ApiResponse(responseCode = "404", description = "Dossier inconnu ou invisible pour ce compte")
  @GetMapping("/api/applications/{reference}")
  public ApplicationReading.ApplicationView get(@Parameter(description = "Référence du dossier, ex. AAP-2023-ASTRE-0001") @PathVariable String reference) {
    return reading.view(reference, Caller.current());
  }

  @Operation(summary = "Lister les dossiers",
      description = "Les agents voient tous les dossiers ; un compte partenaire ceux de ses organisations ; un juré ceux de ses appels.")
  @ApiResponse(responseCode = "200", description = "Les dossiers")
  @GetMapping("/api/applications")
  public List<ApplicationReading.ApplicationSummary> list(@Parameter(description = "Référence d'un appel") @RequestParam(name = "call", required = false) String call,
      @Parameter(description = "État des dossiers, ex. RECEIVED, GRANTED") @RequestParam(name = "state", required = false) String state) {
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
  @Operation(summary = "Enregistrer des pièces reçues par courrier ou courriel",
      description = "Instructeurs : le dossier en régularisation revient à la vérification de complétude.")
  @ApiResponse(responseCode = "200", description = "Le dossier")
  @ApiResponse(responseCode = "404", description = "Dossier inconnu")
  @ApiResponse(responseCode = "409", description = "Aucune pièce attendue")
  @PostMapping("/api/applications/{reference}/pieces-received")
  @PreAuthorize("hasAnyRole('instructeurs', 'camunda-admin')")
  public ApplicationReading.ApplicationView piecesReceived(@Parameter(description = "Référence du dossier, ex. AAP-2023-ASTRE-0001") @PathVariable String reference,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Un commentaire (`comment`), facultatif") @RequestBody(required = false) PiecesReceivedRequest request) {
    checkLength(request == null ? null : request.comment(), "comment", "Le commentaire dépasse 1 000 caractères.");
    instruction.piecesReceived(reference, request == null ? null : request.comment(), Caller.current(), access);
    return reading.view(reference, Caller.current());
  }

  /** The reason of a withdrawal. */
  public record WithdrawalRequest(String reason) {}

  /** Withdraws the dossier (its organisation or an instructor), before the decision: open tasks are cancelled. */
  @Operation(summary = "Se désister d'un dossier",
      description = "L'organisation du dossier ou un instructeur, avant la décision : les tâches ouvertes sont annulées.")
  @ApiResponse(responseCode = "200", description = "Le dossier, désisté")
  @ApiResponse(responseCode = "404", description = "Dossier inconnu ou invisible pour ce compte")
  @ApiResponse(responseCode = "409", description = "Décision déjà prise")
  @PostMapping("/api/applications/{reference}/withdrawal")
  public ResponseEntity<ApplicationReading.ApplicationView> withdraw(@Parameter(description = "Référence du dossier, ex. AAP-2023-ASTRE-0001") @PathVariable String reference,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Le motif du désistement (`reason`)") @RequestBody(required = false) WithdrawalRequest request) {
    checkLength(request == null ? null : request.reason(), "reason", "Le motif dépasse 1 000 caractères.");
    withdrawals.withdraw(reference, request == null ? null : request.reason(), Caller.current(), access);
    return ResponseEntity.ok(reading.view(reference, Caller.current()));
  }
}
