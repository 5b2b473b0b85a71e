package fr.pasdecalais.habitat.aap.payment;

import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payment orders for finance officers: {@code GET /api/payments?status=ORDERED}. */
@RestController
@Tag(name = "Paiements", description = "Ordres de paiement, titres de recette et encaissements")
@PreAuthorize("hasAnyRole('finances', 'superviseurs', 'camunda-admin')")
public class PaymentController {

  private final PaymentService payments;

  public PaymentController(PaymentService payments) {
    this.payments = payments;
  }

  public record PaymentListItem(Long id, Long agreementId, String kind, String kindLabel, String orderNumber,
      BigDecimal amount, String amountLabel, String status, Instant orderedAt, LocalDate paidOn, String mandateNumber,
      String label, String validatedBy) {}

  @Operation(summary = "Lister les ordres de paiement et de recouvrement",
      description = "Service financier et superviseurs.")
  @ApiResponse(responseCode = "200", description = "Les ordres")
  @GetMapping("/api/payments")
  public List<PaymentListItem> list(@Parameter(description = "Statut : ORDERED, PAID ou CANCELLED") @RequestParam(required = false) String status) {
    PaymentStatus wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = PaymentStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw DomainException.invalid("status", "Statut inconnu « " + status + " » : valeurs possibles "
            + String.join(", ", Arrays.stream(PaymentStatus.values()).map(Enum::name).toList()) + ".");
      }
    }
    return payments.withStatus(wanted).stream()
        .map(p -> new PaymentListItem(p.getId(), p.getAgreementId(), p.getKind().name(), p.getKind().label(),
            p.getOrderNumber(), p.getAmount(), Money.format(p.getAmount()), p.getStatus().name(), p.getOrderedAt(),
            p.getPaidOn(), p.getMandateNumber(), p.getLabel(), p.getValidatedBy()))
        .toList();
  }
}
