package fr.pasdecalais.habitat.aap.agreement;

import static fr.pasdecalais.habitat.aap.agreement.AgreementDates.french;
import static fr.pasdecalais.habitat.aap.agreement.AgreementDates.today;

import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.notification.NotificationKind;
import fr.pasdecalais.habitat.aap.notification.NotificationService;
import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentKind;
import fr.pasdecalais.habitat.aap.payment.PaymentService;
import fr.pasdecalais.habitat.aap.payment.PaymentStatus;
import fr.pasdecalais.habitat.aap.shared.Money;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of a convention whose operator fails its obligations: the mise en demeure (issued, or
 * lifted), then the termination, with the titre de recette of what was paid above the justified
 * expenses and the letters to the operator.
 */
@Service
public class AgreementTerminationService {

  private final GrantAgreementRepository agreements;
  private final PaymentService payments;
  private final NotificationService notifications;
  private final CallCatalog calls;

  public AgreementTerminationService(GrantAgreementRepository agreements, PaymentService payments,
      NotificationService notifications, CallCatalog calls) {
    this.agreements = agreements;
    this.payments = payments;
    this.notifications = notifications;
    this.calls = calls;
  }

  /** The letters are signed by the convention's funder (the Département's service, or the State's for the Préfet). */
  private String signature(GrantAgreement a) {
    return calls.getByReference(a.getCallReference()).getFunder().letterSignature();
  }

  /** Records the mise en demeure and stores the letter to the operator; returns the notification id. */
  @Transactional
  public Long issueFormalNotice(Long agreementId, String reason) {
    GrantAgreement a = agreements.lockExisting(agreementId);
    a.noticeSent(today());
    String why = reason == null || reason.isBlank() ? "manquement aux obligations de la convention" : reason.trim();
    return notifications.store(NotificationKind.FORMAL_NOTICE, a.getOperatorEmail(),
        "Convention " + a.getNumber() + " : mise en demeure",
        "Madame, Monsieur,\n\nNous constatons le manquement suivant à vos obligations au titre de la convention "
            + a.getNumber() + " : " + why + ".\nVous êtes mis en demeure d'y remédier dans un délai de deux mois à compter du "
            + french(today()) + ". À défaut, la convention sera résiliée et les sommes versées non utilisées devront être reversées.\n\n"
            + signature(a),
        a.getApplicationReference()).getId();
  }

  @Transactional
  public GrantAgreement liftFormalNotice(Long agreementId) {
    GrantAgreement a = agreements.lockExisting(agreementId);
    a.noticeLifted();
    return a;
  }

  /** What the termination produced: the titre de recette (if any) and the letter's notification id. */
  public record Termination(Payment recovery, Long notificationId) {}

  /**
   * Terminates the convention: unpaid orders are cancelled, the amount due is the justified
   * expenses (capped by the convention's amount) and what was paid above it is reclaimed.
   */
  @Transactional
  public Termination terminate(Long agreementId, BigDecimal justifiedExpenses) {
    GrantAgreement a = agreements.lockExisting(agreementId);
    if (justifiedExpenses == null || justifiedExpenses.signum() < 0) {
      throw new IllegalArgumentException("Les dépenses justifiées doivent être positives ou nulles.");
    }
    for (Payment p : payments.ofAgreement(a.getId())) {
      if (p.getStatus() == PaymentStatus.ORDERED && p.getKind() != PaymentKind.RECOVERY) {
        payments.cancel(p.getId());
      }
    }
    BigDecimal due = Money.of(justifiedExpenses.min(a.getAmount()));
    BigDecimal paid = payments.ofAgreement(a.getId()).stream()
        .filter(p -> p.getStatus() == PaymentStatus.PAID && p.getKind() != PaymentKind.RECOVERY)
        .map(Payment::getAmount).reduce(Money.ZERO, BigDecimal::add);
    a.terminate(today(), due);
    Payment recovery = null;
    BigDecimal unspent = paid.subtract(due);
    if (unspent.signum() > 0) {
      recovery = payments.order(a.getId(), a.getNumber(), PaymentKind.RECOVERY, unspent, a.getAmount());
    }
    String why = a.getNoticeSentOn() == null ? "Par décision du Département, la convention "
        : "La mise en demeure du " + french(a.getNoticeSentOn()) + " étant restée sans effet, la convention ";
    String body = "Madame, Monsieur,\n\n" + why + a.getNumber() + " est résiliée à compter du "
        + french(today()) + ".\nDépenses justifiées retenues : " + Money.format(due) + " ; sommes versées : "
        + Money.format(paid) + ".\n"
        + (recovery == null ? "Aucun reversement n'est demandé.\n"
            : "Un titre de recette n° " + recovery.getOrderNumber() + " de " + Money.format(recovery.getAmount())
                + " va être émis pour le reversement de l'avance non utilisée.\n")
        + "\n" + signature(a);
    Long notificationId = notifications.store(NotificationKind.AGREEMENT_TERMINATED, a.getOperatorEmail(),
        "Convention " + a.getNumber() + " : résiliation", body, a.getApplicationReference()).getId();
    return new Termination(recovery, notificationId);
  }

}
