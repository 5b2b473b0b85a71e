package fr.pasdecalais.habitat.aap.payment;

import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collection of a titre de recette, recorded by the finance group: partial (what remains stays
 * to collect) or full (the titre is then PAID, "recouvré"). Only what is collected counts as
 * recovered in the figures of a convention and of a call.
 */
@Service
public class RecoveryCollections {

  private final PaymentRepository payments;
  private final RecoveryCollectionRepository collections;

  public RecoveryCollections(PaymentRepository payments, RecoveryCollectionRepository collections) {
    this.payments = payments;
    this.collections = collections;
  }

  /** A titre de recette with what was collected and what remains. */
  public record RecoveryState(Payment recovery, BigDecimal collected, BigDecimal remaining,
      List<RecoveryCollection> collections) {}

  @Transactional(readOnly = true)
  public RecoveryState state(Long paymentId) {
    Payment p = recovery(paymentId);
    List<RecoveryCollection> all = collections.findByPaymentIdOrderByIdAsc(p.getId());
    BigDecimal collected = all.stream().map(RecoveryCollection::getAmount).reduce(Money.ZERO, BigDecimal::add);
    return new RecoveryState(p, collected, p.getAmount().subtract(collected), all);
  }

  /**
   * Records an encaissement on a titre de recette. 404 unknown titre; 409 not a titre de recette,
   * cancelled, or an amount above what remains to collect; 400 for a missing or faulty field.
   */
  @Transactional
  public RecoveryState collect(Long paymentId, BigDecimal amount, LocalDate collectedOn, String reference,
      String recordedBy) {
    Payment p = payments.findById(paymentId).orElseThrow(() -> DomainException.notFound(
        "L'ordre de paiement n° " + paymentId + " n'existe pas."));
    if (p.getKind() != PaymentKind.RECOVERY) {
      throw DomainException.conflict("L'ordre " + p.getOrderNumber() + " n'est pas un titre de recette : "
          + "on n'y enregistre pas d'encaissement.");
    }
    if (p.getStatus() == PaymentStatus.CANCELLED) {
      throw DomainException.conflict("Le titre de recette " + p.getOrderNumber() + " est annulé.");
    }
    if (amount == null || amount.signum() <= 0) {
      throw DomainException.invalid("amount", "Le montant encaissé doit être strictement positif.");
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw DomainException.invalid("amount", "Le montant encaissé a au plus deux décimales.");
    }
    if (collectedOn == null) {
      throw DomainException.invalid("collectedOn", "La date d'encaissement est obligatoire.");
    }
    LocalDate today = EngineClock.today();
    if (collectedOn.isAfter(today)) {
      throw DomainException.invalid("collectedOn", "La date d'encaissement ne peut pas être dans le futur.");
    }
    if (reference == null || reference.isBlank() || reference.trim().length() > 60) {
      throw DomainException.invalid("reference", "La référence de l'encaissement (n° de quittance) est obligatoire "
          + "(60 caractères au plus).");
    }
    RecoveryState before = state(paymentId);
    if (before.collections().stream().anyMatch(c -> c.getReference().equals(reference.trim()))) {
      throw DomainException.conflict("L'encaissement « " + reference.trim() + " » est déjà enregistré sur le titre "
          + p.getOrderNumber() + ".");
    }
    BigDecimal value = Money.of(amount);
    if (value.compareTo(before.remaining()) > 0) {
      throw DomainException.conflict("Le montant encaissé (" + Money.format(value) + ") dépasse ce qui reste à "
          + "recouvrer sur le titre " + p.getOrderNumber() + " (" + Money.format(before.remaining()) + ").");
    }
    collections.saveAndFlush(new RecoveryCollection(p.getId(), value, collectedOn, reference.trim(), recordedBy,
        EngineClock.now()));
    if (value.compareTo(before.remaining()) == 0) {
      p.markPaid(collectedOn, p.getOrderNumber(), recordedBy);
      payments.flush();
    }
    return state(paymentId);
  }

  /** As {@link #collect(Long, BigDecimal, LocalDate, String, String)}, the titre named by its number (TR-…). */
  @Transactional
  public RecoveryState collect(String orderNumber, BigDecimal amount, LocalDate collectedOn, String reference,
      String recordedBy) {
    Payment p = payments.findByOrderNumber(orderNumber == null ? "" : orderNumber.trim())
        .orElseThrow(() -> DomainException.notFound("Le titre de recette « " + orderNumber + " » n'existe pas."));
    return collect(p.getId(), amount, collectedOn, reference, recordedBy);
  }

  private Payment recovery(Long paymentId) {
    return payments.findById(paymentId).orElseThrow(() -> DomainException.notFound(
        "L'ordre de paiement n° " + paymentId + " n'existe pas."));
  }
}
