package fr.pasdecalais.habitat.aap.payment;

import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collection of a titre de recette, recorded by the convention's payer group ({@link PayerGroups}:
 * {@code finances} for a Département-funded call, {@code etat-finances} for a State-funded one; the
 * administrator always): partial (what remains stays
 * to collect) or full (the titre is then PAID, "recouvré"). Only what is collected counts as
 * recovered in the figures of a convention and of a call.
 */
@Service
public class RecoveryCollections {

  private final PaymentRepository payments;
  private final RecoveryCollectionRepository collections;
  private final PayerGroups payers;

  public RecoveryCollections(PaymentRepository payments, RecoveryCollectionRepository collections,
      PayerGroups payers) {
    this.payments = payments;
    this.collections = collections;
    this.payers = payers;
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
   * As {@link #state(Long)}, read by this caller: the Département's finance group, the supervisors and
   * the administrator read every titre; the State's finance group the titres of State-funded conventions
   * only (403 otherwise).
   */
  @Transactional(readOnly = true)
  public RecoveryState state(Long paymentId, Caller reader) {
    Payment p = recovery(paymentId);
    Set<String> groups = reader.groups();
    if (!groups.contains(Groups.FINANCES) && !groups.contains(Groups.SUPERVISEURS) && !groups.contains(Groups.ADMIN)
        && !payerGroupOf(p).equals(Groups.ETAT_FINANCES)) {
      throw DomainException.forbidden("Le titre de recette " + p.getOrderNumber() + " ne relève pas d'une convention "
          + "financée par l'État : le service financier de l'État ne le consulte pas.");
    }
    return state(paymentId);
  }

  /**
   * Refuses (403) a caller outside the payer group of the titre's convention: the State's finance group
   * records the collections of a State-funded convention, the Département's those of a Département-funded
   * one; the administrator always.
   */
  private void checkPayer(Payment p, Caller caller) {
    if (caller.groups().contains(Groups.ADMIN)) {
      return;
    }
    String payer = payerGroupOf(p);
    if (!caller.groups().contains(payer)) {
      throw DomainException.forbidden(Groups.ETAT_FINANCES.equals(payer)
          ? "Le titre de recette " + p.getOrderNumber() + " relève d'une convention financée par l'État : "
              + "son encaissement est enregistré par le service financier de l'État (DDETS)."
          : "Le titre de recette " + p.getOrderNumber() + " relève d'une convention financée par le Département : "
              + "son encaissement est enregistré par le service des finances du Département.");
    }
  }

  /** The payer group of the titre's convention; {@code finances} when the convention is unknown. */
  private String payerGroupOf(Payment p) {
    return payers.payerGroupOf(p.getAgreementId()).orElse(Groups.FINANCES);
  }

  /**
   * Records an encaissement on a titre de recette, as this caller. 404 unknown titre; 403 a caller
   * outside the payer group of the titre's convention (nothing written); 409 not a titre de recette,
   * cancelled, or an amount above what remains to collect; 400 for a missing or faulty field.
   */
  @Transactional
  public RecoveryState collect(Long paymentId, BigDecimal amount, LocalDate collectedOn, String reference,
      Caller caller) {
    Payment p = payments.findById(paymentId).orElseThrow(() -> DomainException.notFound(
        "L'ordre de paiement n° " + paymentId + " n'existe pas."));
    checkPayer(p, caller);
    String recordedBy = caller.userId();
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

  /** As {@link #collect(Long, BigDecimal, LocalDate, String, Caller)}, the titre named by its number (TR-…). */
  @Transactional
  public RecoveryState collect(String orderNumber, BigDecimal amount, LocalDate collectedOn, String reference,
      Caller recordedBy) {
    Payment p = payments.findByOrderNumber(orderNumber == null ? "" : orderNumber.trim())
        .orElseThrow(() -> DomainException.notFound("Le titre de recette « " + orderNumber + " » n'existe pas."));
    return collect(p.getId(), amount, collectedOn, reference, recordedBy);
  }

  private Payment recovery(Long paymentId) {
    return payments.findById(paymentId).orElseThrow(() -> DomainException.notFound(
        "L'ordre de paiement n° " + paymentId + " n'existe pas."));
  }
}
