package fr.pasdecalais.habitat.aap.payment;

import static fr.pasdecalais.habitat.aap.shared.ParisDateTime.PARIS;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment orders of grant agreements. Ordering is idempotent: asking again for the advance, the
 * balance or the recovery of an agreement returns the live order instead of creating a second one,
 * and the unique constraint on (agreement, slot) stops two concurrent jobs (the loser's transaction
 * rolls back, its job is retried and then finds the order). The advance and the balance together
 * never exceed the granted amount.
 */
@Service
public class PaymentService {

  private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);

  private final PaymentRepository payments;
  private final RecoveryCollectionRepository collections;

  public PaymentService(PaymentRepository payments, RecoveryCollectionRepository collections) {
    this.payments = payments;
    this.collections = collections;
  }

  /**
   * Orders a payment (ADVANCE or BALANCE: a mandat; RECOVERY: a titre de recette).
   *
   * @param grantedAmount the agreement's current amount: the ceiling of advance + balance
   */
  @Transactional(noRollbackFor = PaymentRefusedException.class)
  public Payment order(Long agreementId, String agreementNumber, PaymentKind kind, BigDecimal amount,
      BigDecimal grantedAmount) {
    return order(agreementId, agreementNumber, kind, 0, amount, grantedAmount);
  }

  /**
   * Orders a payment; {@code instalment} numbers an intermediate instalment (0 otherwise): one live
   * order per (agreement, kind, instalment), in the database too (a retried job returns the live one).
   */
  @Transactional(noRollbackFor = PaymentRefusedException.class)
  public Payment order(Long agreementId, String agreementNumber, PaymentKind kind, int instalment, BigDecimal amount,
      BigDecimal grantedAmount) {
    Optional<Payment> live = payments.findByAgreementIdAndSlotAndInstalment(agreementId, kind, instalment);
    if (live.isPresent()) {
      LOG.info("{} of agreement {} already ordered ({}): not ordered twice", kind, agreementNumber,
          live.get().getOrderNumber());
      return live.get();
    }
    BigDecimal value = Money.of(amount);
    if (value.signum() <= 0) {
      throw new PaymentRefusedException("Le montant d'un ordre de paiement doit être strictement positif ("
          + Money.format(value) + ").");
    }
    if (kind != PaymentKind.RECOVERY) {
      BigDecimal alreadyOrdered = payments.findByAgreementIdOrderByIdAsc(agreementId).stream()
          .filter(p -> p.isLive() && p.getKind() != PaymentKind.RECOVERY)
          .map(Payment::getAmount)
          .reduce(Money.ZERO, BigDecimal::add);
      BigDecimal total = alreadyOrdered.add(value);
      if (total.compareTo(Money.of(grantedAmount)) > 0) {
        throw new PaymentRefusedException("Le total des versements (" + Money.format(total)
            + ") dépasserait le montant accordé par la convention (" + Money.format(grantedAmount) + ").");
      }
    }
    long cancelledBefore = payments.findByAgreementIdOrderByIdAsc(agreementId).stream()
        .filter(p -> p.getKind() == kind && p.getInstalment() == instalment).count();
    String number = orderNumber(agreementNumber, kind) + (instalment == 0 ? "" : String.valueOf(instalment))
        + (cancelledBefore == 0 ? "" : "-" + (cancelledBefore + 1));
    Payment payment = new Payment(agreementId, kind, instalment, value, number,
        kind.label() + (instalment == 0 ? "" : " n° " + instalment) + " de la convention " + agreementNumber, EngineClock.now());
    return payments.saveAndFlush(payment);
  }

  /**
   * Confirms a payment order: the mandate (or titre de recette) number and the date it was paid.
   * Confirming again with the same number is harmless; a cancelled order cannot be confirmed.
   */
  @Transactional(noRollbackFor = PaymentRefusedException.class)
  public Payment confirm(Long paymentId, LocalDate paidOn, String mandateNumber) {
    return confirm(paymentId, paidOn, mandateNumber, null);
  }

  /**
   * As {@link #confirm(Long, LocalDate, String)}, recording who validated the mandate (the user who
   * completed "Valider le mandatement", read from the engine, never from a variable).
   */
  @Transactional(noRollbackFor = PaymentRefusedException.class)
  public Payment confirm(Long paymentId, LocalDate paidOn, String mandateNumber, String validatedBy) {
    Payment payment = payments.findById(paymentId)
        .orElseThrow(() -> new PaymentRefusedException("L'ordre de paiement n° " + paymentId + " n'existe pas."));
    if (mandateNumber == null || mandateNumber.isBlank()) {
      throw new PaymentRefusedException("Le numéro de mandat est obligatoire.");
    }
    if (paidOn == null) {
      throw new PaymentRefusedException("La date de paiement est obligatoire.");
    }
    if (payment.getStatus() == PaymentStatus.PAID) {
      if (mandateNumber.trim().equals(payment.getMandateNumber())) {
        return payment;
      }
      throw new PaymentRefusedException("L'ordre " + payment.getOrderNumber() + " est déjà payé (mandat "
          + payment.getMandateNumber() + ").");
    }
    if (payment.getStatus() == PaymentStatus.CANCELLED) {
      throw new PaymentRefusedException("L'ordre " + payment.getOrderNumber() + " est annulé.");
    }
    LocalDate today = today();
    if (paidOn.isAfter(today)) {
      throw new PaymentRefusedException("La date de paiement (" + paidOn + ") ne peut pas être dans le futur.");
    }
    LocalDate orderedOn = payment.getOrderedAt().atZone(PARIS).toLocalDate();
    if (paidOn.isBefore(orderedOn)) {
      throw new PaymentRefusedException("La date de paiement (" + paidOn
          + ") ne peut pas précéder la date de l'ordre (" + orderedOn + ").");
    }
    String series = Payment.mandateSeries(payment.getKind(), paidOn);
    payments.findFirstByMandateSeriesAndMandateNumber(series, mandateNumber.trim()).ifPresent(other -> {
      throw new PaymentRefusedException("Le numéro " + (series.startsWith("TITRE") ? "de titre de recette " : "de mandat ")
          + mandateNumber.trim() + " de " + paidOn.getYear() + " est déjà enregistré sur l'ordre " + other.getOrderNumber() + ".");
    });
    payment.markPaid(paidOn, mandateNumber.trim(), validatedBy);
    payments.flush(); // the unique (series, number) of the database settles a race between two validations
    return payment;
  }

  /** Cancels an order that is not paid yet (e.g. the advance of a terminated agreement). */
  @Transactional
  public Payment cancel(Long paymentId) {
    Payment payment = payments.findById(paymentId)
        .orElseThrow(() -> new PaymentRefusedException("L'ordre de paiement n° " + paymentId + " n'existe pas."));
    if (payment.getStatus() == PaymentStatus.PAID) {
      throw new PaymentRefusedException("L'ordre " + payment.getOrderNumber() + " est déjà payé : il ne peut plus être annulé.");
    }
    if (payment.getStatus() == PaymentStatus.ORDERED) {
      payment.cancel(EngineClock.now());
    }
    return payment;
  }

  @Transactional(readOnly = true)
  public List<Payment> ofAgreement(Long agreementId) {
    return payments.findByAgreementIdOrderByIdAsc(agreementId);
  }

  /** The payments of several conventions at once, in order (statistics). */
  @Transactional(readOnly = true)
  public List<Payment> ofAgreements(Collection<Long> agreementIds) {
    return agreementIds.isEmpty() ? List.of() : payments.findByAgreementIdInOrderByIdAsc(List.copyOf(agreementIds));
  }

  /** What was collected on each of these titres de recette (payment id → amount; absent: nothing collected). */
  @Transactional(readOnly = true)
  public java.util.Map<Long, BigDecimal> collectedOn(Collection<Long> recoveryIds) {
    java.util.Map<Long, BigDecimal> collected = new java.util.HashMap<>();
    if (!recoveryIds.isEmpty()) {
      collections.findByPaymentIdIn(List.copyOf(recoveryIds))
          .forEach(c -> collected.merge(c.getPaymentId(), c.getAmount(), BigDecimal::add));
    }
    return collected;
  }

  @Transactional(readOnly = true)
  public Optional<Payment> live(Long agreementId, PaymentKind kind) {
    return payments.findByAgreementIdAndSlot(agreementId, kind);
  }

  @Transactional(readOnly = true)
  public List<Payment> withStatus(PaymentStatus status) {
    return status == null ? payments.findAllByOrderByOrderedAtAsc() : payments.findByStatusOrderByOrderedAtAsc(status);
  }

  /**
   * Paid to the operator (advance + balance actually paid), net of nothing: recoveries are apart.
   * Recovered is what was collected on the titres de recette, not what they ask; what they still ask
   * is {@code toRecover}.
   */
  @Transactional(readOnly = true)
  public Totals totals(Collection<Long> agreementIds) {
    if (agreementIds.isEmpty()) {
      return new Totals(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
    }
    List<Payment> all = payments.findByAgreementIdInOrderByIdAsc(List.copyOf(agreementIds));
    BigDecimal paid = sum(all, p -> p.getKind() != PaymentKind.RECOVERY && p.getStatus() == PaymentStatus.PAID);
    BigDecimal ordered = sum(all, p -> p.getKind() != PaymentKind.RECOVERY && p.getStatus() == PaymentStatus.ORDERED);
    List<Long> recoveries = all.stream().filter(p -> p.getKind() == PaymentKind.RECOVERY && p.isLive())
        .map(Payment::getId).toList();
    BigDecimal asked = sum(all, p -> p.getKind() == PaymentKind.RECOVERY && p.isLive());
    BigDecimal collected = recoveries.isEmpty() ? Money.ZERO : collections.findByPaymentIdIn(recoveries).stream()
        .map(RecoveryCollection::getAmount).reduce(Money.ZERO, BigDecimal::add);
    return new Totals(paid, ordered, collected, asked.subtract(collected));
  }

  /** What was collected on each of these titres de recette (payment id → sum; absent: nothing collected). */
  @Transactional(readOnly = true)
  public java.util.Map<Long, BigDecimal> collected(Collection<Long> recoveryIds) {
    if (recoveryIds.isEmpty()) {
      return java.util.Map.of();
    }
    java.util.Map<Long, BigDecimal> sums = new java.util.HashMap<>();
    for (RecoveryCollection c : collections.findByPaymentIdIn(recoveryIds)) {
      sums.merge(c.getPaymentId(), c.getAmount(), BigDecimal::add);
    }
    return sums;
  }

  /**
   * Money of a set of agreements: paid (mandats confirmed), ordered (not yet paid), recovered
   * (collected on the titres de recette), toRecover (asked by the titres, not collected yet).
   */
  public record Totals(BigDecimal paid, BigDecimal ordered, BigDecimal recovered, BigDecimal toRecover) {}

  private static BigDecimal sum(List<Payment> all, java.util.function.Predicate<Payment> filter) {
    return all.stream().filter(filter).map(Payment::getAmount).reduce(Money.ZERO, BigDecimal::add);
  }

  static String orderNumber(String agreementNumber, PaymentKind kind) {
    return switch (kind) {
      case ADVANCE -> "MA-" + agreementNumber + "-AV";
      case BALANCE -> "MA-" + agreementNumber + "-SO";
      case INSTALMENT -> "MA-" + agreementNumber + "-VI";
      case RECOVERY -> "TR-" + agreementNumber;
    };
  }


  static LocalDate today() {
    return EngineClock.now().atZone(PARIS).toLocalDate();
  }
}
