package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an agent starts on a convention in force (instructeurs): an avenant, a mise en demeure (and
 * its lifting), a résiliation, an on-demand report, a report received on paper. Refusals are
 * problem+json in French: 404 unknown convention, 409 when the convention's process does not wait
 * for it, 400 for a faulty field. See docs/access-matrix.md.
 */
@RestController
@Tag(name = "Conventions", description = "Les conventions, leurs paiements, bilans et documents")
@PreAuthorize("hasAnyRole('instructeurs', 'camunda-admin')")
public class AgreementActionsController {

  private final AgreementActions actions;

  public AgreementActionsController(AgreementActions actions) {
    this.actions = actions;
  }

  /** A reason (avenant, manquement, résiliation). */
  public record ReasonRequest(String reason) {}

  public record AmendmentAnswer(String agreement, int sequence, String status, String reason) {}

  public record AgreementAnswer(String agreement, String status, LocalDate noticeSentOn, BigDecimal amount,
      String amountLabel, LocalDate periodEnd) {
    static AgreementAnswer of(GrantAgreement a) {
      return new AgreementAnswer(a.getNumber(), a.getStatus().name(), a.getNoticeSentOn(), a.getAmount(),
          Money.format(a.getAmount()), a.getPeriodEnd());
    }
  }

  @Operation(summary = "Demander un avenant",
      description = "Instructeurs : la tâche « Instruire l'avenant » apparaît.")
  @ApiResponse(responseCode = "201", description = "Avenant demandé")
  @ApiResponse(responseCode = "404", description = "Convention inconnue")
  @ApiResponse(responseCode = "409", description = "Convention pas en vigueur, ou avenant déjà à l'examen")
  @PostMapping("/api/agreements/{number}/amendments")
  public ResponseEntity<AmendmentAnswer> amendment(@Parameter(description = "Numéro de la convention, ex. CONV-AAP-2023-ASTRE-0001") @PathVariable String number, @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Le motif (`reason`), en français") @RequestBody(required = false) ReasonRequest body) {
    Amendment a = actions.requestAmendment(number, body == null ? null : body.reason(), Caller.current());
    return ResponseEntity.created(URI.create("/api/applications/" + number.replaceFirst("^CONV-", "") + "/agreement"))
        .body(new AmendmentAnswer(number, a.getSequenceNumber(), a.getStatus().name(), a.getReason()));
  }

  @Operation(summary = "Mettre en demeure",
      description = "Instructeurs : deux mois pour remédier, puis résiliation.")
  @ApiResponse(responseCode = "201", description = "Mise en demeure émise")
  @ApiResponse(responseCode = "404", description = "Convention inconnue")
  @ApiResponse(responseCode = "409", description = "Une mise en demeure court déjà")
  @PostMapping("/api/agreements/{number}/formal-notices")
  public ResponseEntity<AgreementAnswer> formalNotice(@Parameter(description = "Numéro de la convention, ex. CONV-AAP-2023-ASTRE-0001") @PathVariable String number, @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Le motif (`reason`), en français") @RequestBody(required = false) ReasonRequest body) {
    GrantAgreement a = actions.issueFormalNotice(number, body == null ? null : body.reason(), Caller.current());
    return ResponseEntity.status(201).body(AgreementAnswer.of(a));
  }

  @Operation(summary = "Lever la mise en demeure",
      description = "Instructeurs.")
  @ApiResponse(responseCode = "200", description = "Mise en demeure levée")
  @ApiResponse(responseCode = "404", description = "Convention inconnue")
  @ApiResponse(responseCode = "409", description = "Aucune mise en demeure ne court")
  @PostMapping("/api/agreements/{number}/formal-notices/remedy")
  public AgreementAnswer remedy(@Parameter(description = "Numéro de la convention, ex. CONV-AAP-2023-ASTRE-0001") @PathVariable String number) {
    return AgreementAnswer.of(actions.remedyFormalNotice(number, Caller.current()));
  }

  @Operation(summary = "Résilier une convention",
      description = "Instructeurs : « Arrêter les dépenses justifiées », puis le titre de recette de ce qui a été versé au-delà.")
  @ApiResponse(responseCode = "200", description = "Résiliation engagée")
  @ApiResponse(responseCode = "404", description = "Convention inconnue")
  @ApiResponse(responseCode = "409", description = "Convention pas en vigueur")
  @PostMapping("/api/agreements/{number}/termination")
  public AgreementAnswer termination(@Parameter(description = "Numéro de la convention, ex. CONV-AAP-2023-ASTRE-0001") @PathVariable String number, @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Le motif (`reason`), en français") @RequestBody(required = false) ReasonRequest body) {
    return AgreementAnswer.of(actions.terminate(number, body == null ? null : body.reason(), Caller.current()));
  }

  /** An on-demand report: the milestone's code (optional when the call has one) and the due date (optional). */
  public record ReportRequest(String code, LocalDate dueOn) {}

  @Operation(summary = "Demander un bilan",
      description = "Instructeurs : un bilan que l'appel dit « pourra être demandé à tout moment » ; signalé en retard après son échéance.")
  @ApiResponse(responseCode = "201", description = "Bilan demandé")
  @ApiResponse(responseCode = "404", description = "Convention inconnue")
  @ApiResponse(responseCode = "409", description = "Convention pas en vigueur")
  @PostMapping("/api/agreements/{number}/report-requests")
  public ResponseEntity<Map<String, Object>> requestReport(@Parameter(description = "Numéro de la convention, ex. CONV-AAP-2023-ASTRE-0001") @PathVariable String number,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Le code du bilan (`code`) et son échéance (`dueOn`)") @RequestBody(required = false) ReportRequest body) {
    var r = actions.requestReport(number, body == null ? null : body.code(), body == null ? null : body.dueOn(),
        Caller.current());
    return ResponseEntity.status(201).body(AgreementActions.view(r));
  }

  @Operation(summary = "Enregistrer un bilan reçu sur papier",
      description = "Instructeurs : complète la tâche de réception attendue, au nom de l'appelant.")
  @ApiResponse(responseCode = "200", description = "Bilan enregistré")
  @ApiResponse(responseCode = "404", description = "Convention inconnue")
  @ApiResponse(responseCode = "409", description = "Aucun bilan attendu")
  @PostMapping("/api/agreements/{number}/reports")
  public Map<String, Object> paperReport(@Parameter(description = "Numéro de la convention, ex. CONV-AAP-2023-ASTRE-0001") @PathVariable String number,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Le bilan : `reportId`, `receivedOn`, `summary`, `indicators` (code : valeur), `decision`") @RequestBody(required = false) AgreementActions.PaperReport body) {
    return AgreementActions.view(actions.recordPaperReport(number, body, Caller.current()));
  }
}
