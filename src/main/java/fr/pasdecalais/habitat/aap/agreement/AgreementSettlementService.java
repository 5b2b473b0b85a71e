package fr.pasdecalais.habitat.aap.agreement;

import static fr.pasdecalais.habitat.aap.agreement.AgreementDates.french;
import static fr.pasdecalais.habitat.aap.agreement.AgreementDates.today;

import fr.pasdecalais.habitat.aap.agreement.AgreementRuleException.Rule;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallFunder;
import fr.pasdecalais.habitat.aap.call.FundingCalculator.Quantities;
import fr.pasdecalais.habitat.aap.call.FundingCalculator;
import fr.pasdecalais.habitat.aap.call.FundingRule;
import fr.pasdecalais.habitat.aap.notification.Notification;
import fr.pasdecalais.habitat.aap.notification.NotificationKind;
import fr.pasdecalais.habitat.aap.notification.NotificationService;
import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentKind;
import fr.pasdecalais.habitat.aap.payment.PaymentRefusedException;
import fr.pasdecalais.habitat.aap.payment.PaymentService;
import fr.pasdecalais.habitat.aap.payment.PaymentStatus;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.Money;
import fr.pasdecalais.habitat.aap.shared.RefusedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settlement of a convention: the advance at signature, the service fait and what it makes
 * due, the balance, the titre de recette for what was paid above it, and the confirmation of the
 * orders with their mandate. It knows no BPMN: refusals are {@link AgreementRuleException}s naming
 * a rule (or {@link PaymentRefusedException}), the outcome an enum, and the process glue
 * ({@code agreement.process}) maps them to BPMN errors and gateway values.
 */
@Service
public class AgreementSettlementService {

  private final GrantAgreementRepository agreements;
  private final CallCatalog calls;
  private final PaymentService payments;
  private final FundingCalculator calculator;
  private final NotificationService notifications;
  private final fr.pasdecalais.habitat.aap.reporting.ReportingService reporting;

  public AgreementSettlementService(GrantAgreementRepository agreements, CallCatalog calls, PaymentService payments,
      FundingCalculator calculator, NotificationService notifications,
      fr.pasdecalais.habitat.aap.reporting.ReportingService reporting) {
    this.reporting = reporting;
    this.agreements = agreements;
    this.calls = calls;
    this.payments = payments;
    this.calculator = calculator;
    this.notifications = notifications;
  }

  /** Records the schedule the DMN gave and orders the payment due at signature (idempotent). */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public Payment orderAdvance(Long agreementId, int advancePercent, String balanceOn, String scheduleLabel) {
    GrantAgreement a = agreements.lockExisting(agreementId);
    requireSigned(a);
    a.schedule(advancePercent, balanceOn, scheduleLabel);
    BigDecimal advance = calculator.split(a.getAmount(), advancePercent).advance();
    return payments.order(a.getId(), a.getNumber(), PaymentKind.ADVANCE, advance, a.getAmount());
  }

  /**
   * The intermediate instalment a received interim report makes due, if any: the lot's terms name
   * the interim milestone ({@code afterReport}); the report planned for it (due that many months
   * after the start) is the one just received. Empty when the report triggers no instalment, or
   * when the instalment is already ordered.
   */
  @Transactional(readOnly = true)
  public java.util.Optional<Integer> instalmentDueOn(Long agreementId, Number reportId) {
    GrantAgreement a = agreements.getExisting(agreementId);
    fr.pasdecalais.habitat.aap.reporting.Report report = reporting.get(reportId);
    if (report.getKind() != fr.pasdecalais.habitat.aap.reporting.ReportKind.INTERIM || report.getReceivedOn() == null
        || Boolean.FALSE.equals(report.getApproved())) {
      return java.util.Optional.empty();
    }
    var call = calls.getByReference(a.getCallReference());
    var instalments = call.paymentTerms(a.getLotCode()).getInstalments();
    for (int n = 1; n <= instalments.size(); n++) {
      String code = instalments.get(n - 1).getAfterReport();
      var milestone = call.getReporting().stream().filter(m -> m.getCode().equals(code)).findFirst();
      int number = n;
      // the report of that milestone (by its code; a report stored without one, by its date)
      boolean ofMilestone = milestone.isPresent() && (report.getCode() != null ? code.equals(report.getCode())
          : milestone.get().getMonthsAfterStart() != null
              && a.getPeriodStart().plusMonths(milestone.get().getMonthsAfterStart()).equals(report.getDueOn()));
      if (ofMilestone
          && payments.ofAgreement(agreementId).stream().noneMatch(p -> p.getKind() == PaymentKind.INSTALMENT
              && p.getInstalment() == number && p.isLive())) {
        return java.util.Optional.of(n);
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * Orders intermediate instalment {@code n}: its share of the convention's amount, computed once
   * ({@link FundingCalculator#schedule}), never more than what remains (idempotent).
   */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public Payment orderInstalment(Long agreementId, int n) {
    GrantAgreement a = agreements.lockExisting(agreementId);
    requireSigned(a);
    var terms = calls.getByReference(a.getCallReference()).paymentTerms(a.getLotCode());
    FundingCalculator.ScheduledAmount line = calculator.schedule(a.getAmount(), terms).stream()
        .filter(l -> "INSTALMENT".equals(l.kind()) && l.instalment() == n).findFirst()
        .orElseThrow(() -> new PaymentRefusedException("La convention " + a.getNumber()
            + " ne prévoit pas de versement intermédiaire n° " + n + "."));
    return payments.order(a.getId(), a.getNumber(), PaymentKind.INSTALMENT, n, line.amount(), a.getAmount());
  }

  /** The outcome of the settlement: what is due, what was paid, and what to do. */
  public record Settlement(BigDecimal amountDue, BigDecimal paid, Outcome outcome, BigDecimal difference) {
    /** A balance to pay, a titre de recette to issue, or nothing: due − paid. */
    public enum Outcome { BALANCE, RECOVERY, NONE }
  }

  /**
   * Settles the convention. With actual quantities (service fait), the amount due is the call's
   * funding rule applied to them, capped by the convention's amount; without (100 % at signature,
   * or the FSL rule paid on the approved final report), it is the convention's amount. Then due −
   * paid decides: a balance, a titre de recette, or nothing.
   */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public Settlement settle(Long agreementId, Map<String, BigDecimal> actual, LocalDate renderedOn) {
    return settle(agreementId, actual, renderedOn, null);
  }

  /** As {@link #settle(Long, Map, LocalDate)}, recording who certified the service fait (the task's assignee). */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public Settlement settle(Long agreementId, Map<String, BigDecimal> actual, LocalDate renderedOn, String certifiedBy) {
    GrantAgreement a = agreements.lockExisting(agreementId);
    requireSigned(a);
    BigDecimal due;
    if (actual == null) {
      due = a.getAmount();
    } else {
      FundingRule rule = calls.getByReference(a.getCallReference()).fundingRule(a.getLotCode());
      try {
        due = calculator.amountDue(rule, quantities(rule, actual), a.getAmount());
      } catch (IllegalArgumentException e) {
        throw new AgreementRuleException(Rule.QUANTITIES, e.getMessage());
      }
      a.certifyService(renderedOn == null ? today() : renderedOn, FormValues.json(actual), due, certifiedBy);
    }
    BigDecimal paid = livePaid(a.getId());
    if (actual == null) {
      a.certifyService(renderedOn == null ? today() : renderedOn, null, due, null);
    }
    BigDecimal diff = Money.of(due.subtract(paid));
    Settlement.Outcome outcome = diff.signum() > 0 ? Settlement.Outcome.BALANCE
        : diff.signum() < 0 ? Settlement.Outcome.RECOVERY : Settlement.Outcome.NONE;
    return new Settlement(Money.of(due), paid, outcome, diff.abs());
  }

  private static Quantities quantities(FundingRule rule, Map<String, BigDecimal> actual) {
    for (Map.Entry<String, BigDecimal> e : actual.entrySet()) {
      if (e.getValue() == null) {
        throw new IllegalArgumentException("La quantité « " + e.getKey() + " » est obligatoire.");
      }
    }
    return switch (rule.kind()) {
      case UNIT_PRICES -> Quantities.of(actual);
      case PRORATED -> Quantities.prorated(whole(actual.get("MONTHS"), "mois"), whole(actual.get("SITUATIONS"), "situations"));
      case CAP_PER_UNIT -> Quantities.units(actual.get("AMOUNT"), actual.get("UNITS"));
      case FIXED -> Quantities.requested(actual.get("AMOUNT"));
    };
  }

  private static int whole(BigDecimal value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("Le nombre de " + what + " est obligatoire.");
    }
    if (value.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("Le nombre de " + what + " doit être entier.");
    }
    return value.intValueExact();
  }

  /** Advance and balance ordered or paid (not cancelled). */
  public BigDecimal livePaid(Long agreementId) {
    return payments.ofAgreement(agreementId).stream()
        .filter(p -> p.isLive() && p.getKind() != PaymentKind.RECOVERY)
        .map(Payment::getAmount).reduce(Money.ZERO, BigDecimal::add);
  }

  /** Orders the balance: amount due − paid, the remainder (idempotent). */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public Payment orderBalance(Long agreementId) {
    GrantAgreement a = agreements.lockExisting(agreementId);
    requireSigned(a);
    var existing = payments.live(a.getId(), PaymentKind.BALANCE);
    if (existing.isPresent()) {
      return existing.get();
    }
    BigDecimal balance = a.getAmountDue().subtract(livePaid(a.getId()));
    return payments.order(a.getId(), a.getNumber(), PaymentKind.BALANCE, balance, a.getAmount());
  }

  /** Who issues a titre de recette: the Département's paymaster, or the State's services for the Préfet. */
  private static String issuer(CallFunder funder) {
    return funder.isState() ? "les services de l'État (ordonnateur : " + funder.getSignatory() + ")"
        : "la paierie départementale";
  }

  /** A recovery order and the notification telling the operator. */
  public record Recovery(Payment payment, Long notificationId) {}

  /** Issues the titre de recette for what was paid above the amount due, and notifies the operator. */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public Recovery orderRecovery(Long agreementId) {
    GrantAgreement a = agreements.lockExisting(agreementId);
    requireSigned(a);
    if (a.getAmountDue() == null) {
      throw new RefusedException("amountDue", "Le montant dû de la convention " + a.getNumber()
          + " n'est pas encore arrêté : aucun titre de recette ne peut être émis.");
    }
    // only money actually paid can be reclaimed: an order not yet paid is not a debt of the operator
    BigDecimal paid = payments.ofAgreement(a.getId()).stream()
        .filter(p -> p.getStatus() == PaymentStatus.PAID && p.getKind() != PaymentKind.RECOVERY)
        .map(Payment::getAmount).reduce(Money.ZERO, BigDecimal::add);
    BigDecimal excess = paid.subtract(a.getAmountDue());
    if (excess.signum() <= 0) {
      throw new RefusedException("paid", "Rien n'a été versé au-delà du montant dû de la convention " + a.getNumber()
          + " (versé " + Money.format(paid) + ", dû " + Money.format(a.getAmountDue())
          + ") : aucun titre de recette ne peut être émis.");
    }
    Payment p = payments.order(a.getId(), a.getNumber(), PaymentKind.RECOVERY, excess, a.getAmount());
    CallFunder funder = calls.getByReference(a.getCallReference()).getFunder();
    Notification n = notifications.store(NotificationKind.RECOVERY_ORDERED, a.getOperatorEmail(),
        "Convention " + a.getNumber() + " : titre de recette de " + Money.format(p.getAmount()),
        "Madame, Monsieur,\n\nAu vu du service fait constaté le " + french(a.getServiceRenderedOn())
            + ", le montant dû au titre de la convention " + a.getNumber() + " s'élève à " + Money.format(a.getAmountDue())
            + ", alors que " + Money.format(paid) + " vous ont été versés.\n"
            + "Un titre de recette n° " + p.getOrderNumber() + " de " + Money.format(p.getAmount())
            + " va être émis à votre encontre par " + issuer(funder) + " ; merci de procéder au reversement à sa réception.\n\n"
            + funder.letterSignature(),
        a.getApplicationReference());
    return new Recovery(p, n.getId());
  }

  /**
   * "Enregistrer le paiement": confirms an order of this convention with the mandate number and
   * date, recording who validated it. Only for a signed convention and for one of its own orders;
   * refused with {@code PAYMENT_REFUSED} otherwise (back to the mandate task with the reason).
   */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public Payment confirmPayment(Long agreementId, Long paymentId, LocalDate paidOn, String mandateNumber,
      String validatedBy) {
    GrantAgreement a = agreements.lockExisting(agreementId);
    if (a.getStatus() != AgreementStatus.SIGNED) {
      throw new PaymentRefusedException("La convention " + a.getNumber() + " n'est pas en vigueur ("
          + statusLabel(a.getStatus()) + ") : aucun paiement ne peut être enregistré.");
    }
    if (paymentId == null || payments.ofAgreement(a.getId()).stream().noneMatch(p -> p.getId().equals(paymentId))) {
      throw new PaymentRefusedException("L'ordre de paiement n° " + paymentId + " n'appartient pas à la convention "
          + a.getNumber() + ".");
    }
    return payments.confirm(paymentId, paidOn, mandateNumber, validatedBy);
  }

  /** Orders of payment exist only for a convention in force: signed, neither closed nor terminated. */
  private static void requireSigned(GrantAgreement a) {
    if (a.getStatus() != AgreementStatus.SIGNED) {
      throw new RefusedException("signedAgreement", "La convention " + a.getNumber() + " n'est pas en vigueur ("
          + statusLabel(a.getStatus()) + ") : aucun paiement ne peut être ordonné.");
    }
  }

  private static String statusLabel(AgreementStatus status) {
    return switch (status) {
      case DRAFT -> "non signée";
      case SIGNED -> "signée";
      case CLOSED -> "close";
      case TERMINATED -> "résiliée";
    };
  }

}
