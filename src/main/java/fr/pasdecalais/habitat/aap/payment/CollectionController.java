package fr.pasdecalais.habitat.aap.payment;

import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The collection of a titre de recette: {@code POST /api/payments/{id}/collections}, by the payer group of
 * the titre's convention ({@code finances} for a Département-funded call, {@code etat-finances} for a
 * State-funded one; the administrator always), checked by {@link RecoveryCollections}.
 */
@RestController
@Tag(name = "Paiements", description = "Ordres de paiement, titres de recette et encaissements")
public class CollectionController {

  private final RecoveryCollections collections;

  public CollectionController(RecoveryCollections collections) {
    this.collections = collections;
  }

  public record CollectionRequest(BigDecimal amount, LocalDate collectedOn, String reference) {}

  public record CollectionLine(BigDecimal amount, String amountLabel, LocalDate collectedOn, String reference,
      String recordedBy) {}

  public record RecoveryView(Long paymentId, String orderNumber, String status, BigDecimal amount,
      BigDecimal collected, String collectedLabel, BigDecimal remaining, String remainingLabel,
      List<CollectionLine> collections) {
    static RecoveryView of(RecoveryCollections.RecoveryState s) {
      return new RecoveryView(s.recovery().getId(), s.recovery().getOrderNumber(), s.recovery().getStatus().name(),
          s.recovery().getAmount(), s.collected(), Money.format(s.collected()), s.remaining(),
          Money.format(s.remaining()), s.collections().stream().map(c -> new CollectionLine(c.getAmount(),
              Money.format(c.getAmount()), c.getCollectedOn(), c.getReference(), c.getRecordedBy())).toList());
    }
  }

  @Operation(summary = "Enregistrer un encaissement sur un titre de recette",
      description = "Le payeur de la convention : finances (Département) ou etat-finances (État). Partiel ou total (le titre est alors soldé).")
  @ApiResponse(responseCode = "201", description = "Encaissement enregistré")
  @ApiResponse(responseCode = "404", description = "Titre inconnu")
  @ApiResponse(responseCode = "409", description = "Au-delà de ce qui reste à recouvrer")
  @PostMapping("/api/payments/{id}/collections")
  @PreAuthorize("hasAnyRole('finances', 'etat-finances', 'camunda-admin')")
  public ResponseEntity<RecoveryView> collect(@Parameter(description = "Identifiant du titre de recette") @PathVariable Long id, @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Le montant (`amount`), la date (`collectedOn`) et la référence de l'encaissement") @RequestBody(required = false) CollectionRequest body) {
    var state = collections.collect(id, body == null ? null : body.amount(), body == null ? null : body.collectedOn(),
        body == null ? null : body.reference(), Caller.current());
    return ResponseEntity.status(201).body(RecoveryView.of(state));
  }

  @Operation(summary = "Lire les encaissements d'un titre de recette",
      description = "Service financier et superviseurs.")
  @ApiResponse(responseCode = "200", description = "Le titre et ses encaissements")
  @ApiResponse(responseCode = "404", description = "Titre inconnu")
  @GetMapping("/api/payments/{id}/collections")
  @PreAuthorize("hasAnyRole('finances', 'etat-finances', 'superviseurs', 'camunda-admin')")
  public RecoveryView state(@Parameter(description = "Identifiant du titre de recette") @PathVariable Long id) {
    return RecoveryView.of(collections.state(id, Caller.current()));
  }
}
