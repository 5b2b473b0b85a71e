package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.application.ConventionHistorySource;
import fr.pasdecalais.habitat.aap.identity.Actors;
import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentKind;
import fr.pasdecalais.habitat.aap.payment.PaymentService;
import fr.pasdecalais.habitat.aap.payment.PaymentStatus;
import fr.pasdecalais.habitat.aap.reporting.Report;
import fr.pasdecalais.habitat.aap.reporting.ReportKind;
import fr.pasdecalais.habitat.aap.reporting.ReportStatus;
import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import fr.pasdecalais.habitat.aap.shared.Money;
import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agreement's side of {@link ConventionHistorySource}: a dossier's convention told as a
 * timeline, to its close — prepared, signed, each amendment decided, each payment ordered and paid
 * (advance, instalments, balance), each report (expected, then received), service fait, titre de
 * recette issued and collected, formal notice, termination, closure. Read from the agreement's own
 * table and through {@link PaymentService} and {@link ReportingService}, never their repositories.
 * Entries of the same day keep the order of the convention's life ({@link Step}).
 */
@Component
public class AgreementHistory implements ConventionHistorySource {

  /** The order of the steps within one day: a balance ordered on the day of the service fait comes after it. */
  enum Step {
    PREPARED, SIGNED, AMENDMENT, ADVANCE_ORDERED, ADVANCE_PAID, REPORT, SERVICE_RENDERED, PAYMENT_ORDERED,
    PAYMENT_PAID, PAYMENT_CANCELLED, NOTICE, TERMINATED, CLOSED
  }

  private record Fact(LocalDate on, Instant at, Step step, int sequence, String actor, String type, String description) {}

  private final GrantAgreementRepository agreements;
  private final AmendmentRepository amendments;
  private final PaymentService payments;
  private final ReportingService reporting;

  public AgreementHistory(GrantAgreementRepository agreements, AmendmentRepository amendments, PaymentService payments,
      ReportingService reporting) {
    this.agreements = agreements;
    this.amendments = amendments;
    this.payments = payments;
    this.reporting = reporting;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Entry> history(String applicationReference) {
    return agreements.findByApplicationReference(applicationReference).map(this::facts).orElse(List.of()).stream()
        .sorted(Comparator.comparing(Fact::on).thenComparing(Fact::step).thenComparing(Fact::sequence))
        .map(f -> new Entry(f.on(), f.at(), f.actor(), f.type(), f.description())).toList();
  }

  private List<Fact> facts(GrantAgreement a) {
    List<Fact> facts = new ArrayList<>();
    String number = a.getNumber();
    if (a.getPreparedAt() != null) {
      facts.add(new Fact(day(a.getPreparedAt()), a.getPreparedAt(), Step.PREPARED, 0, Actors.SYSTEM, "CONVENTION",
          "Convention " + number + " préparée : " + Money.format(a.getAmount()) + ", du " + french(a.getPeriodStart())
              + " au " + french(a.getPeriodEnd()) + "."));
    }
    if (a.getSignedOn() != null) {
      facts.add(new Fact(a.getSignedOn(), null, Step.SIGNED, 0, actor(a.getSignaturesRecordedBy()), "SIGNATURE",
          "Convention " + number + " signée par l'organisme le " + french(a.getOperatorSignedOn())
              + " et par " + (a.getSignatoryTitle() == null || a.getSignatoryTitle().isBlank() ? "le financeur"
                  : a.getSignatoryTitle()) + " le " + french(a.getPresidentSignedOn()) + "."));
    }
    for (Amendment m : amendments.findByAgreementIdOrderBySequenceNumberAsc(a.getId())) {
      if (m.getDecidedOn() != null && m.getStatus() != AmendmentStatus.REQUESTED) {
        facts.add(new Fact(m.getDecidedOn(), null, Step.AMENDMENT, m.getSequenceNumber(), Actors.SYSTEM, "AVENANT",
            "Avenant n° " + m.getSequenceNumber() + (m.getStatus() == AmendmentStatus.APPROVED ? " accepté" : " refusé")
                + (m.getStatus() == AmendmentStatus.APPROVED && m.getNewAmount() != null
                    ? " : nouveau montant " + Money.format(m.getNewAmount()) : "")
                + (m.getStatus() == AmendmentStatus.APPROVED && m.getNewPeriodEnd() != null
                    ? (m.getNewAmount() != null ? ", " : " : ") + "fin au " + french(m.getNewPeriodEnd()) : "")
                + "."));
      }
    }
    int sequence = 0;
    for (Payment p : payments.ofAgreement(a.getId())) {
      sequence++;
      boolean advance = p.getKind() == PaymentKind.ADVANCE;
      boolean recovery = p.getKind() == PaymentKind.RECOVERY;
      String label = p.getKind().label();
      String what = Character.toLowerCase(label.charAt(0)) + label.substring(1) + " de " + Money.format(p.getAmount());
      String order = (recovery ? "Titre de recette n° " : "Ordre de paiement n° ") + p.getOrderNumber();
      if (p.getOrderedAt() != null) {
        facts.add(new Fact(day(p.getOrderedAt()), p.getOrderedAt(), advance ? Step.ADVANCE_ORDERED : Step.PAYMENT_ORDERED,
            sequence, Actors.SYSTEM, recovery ? "TITRE_EMIS" : "PAIEMENT_ORDONNANCE",
            order + " émis : " + (recovery ? Money.format(p.getAmount()) + " à reverser" : what) + "."));
      }
      if (p.getStatus() == PaymentStatus.PAID && p.getPaidOn() != null) {
        facts.add(new Fact(p.getPaidOn(), null, advance ? Step.ADVANCE_PAID : Step.PAYMENT_PAID, sequence,
            actor(p.getValidatedBy()), recovery ? "TITRE_RECOUVRE" : "PAIEMENT_VERSE",
            (recovery ? order + " recouvré le " + french(p.getPaidOn()) + " : " + Money.format(p.getAmount())
                : "Paiement effectué le " + french(p.getPaidOn()) + " : " + what)
                + (p.getMandateNumber() == null || recovery ? "" : " (mandat n° " + p.getMandateNumber() + ")") + "."));
      }
      if (p.getStatus() == PaymentStatus.CANCELLED && p.getCancelledAt() != null) {
        facts.add(new Fact(day(p.getCancelledAt()), p.getCancelledAt(), Step.PAYMENT_CANCELLED, sequence, Actors.SYSTEM,
            "PAIEMENT_ANNULE", order + " annulé : " + what + "."));
      }
    }
    for (Report r : reporting.ofAgreement(a.getId())) {
      String name = r.getKind().label() + (r.getKind() == ReportKind.INTERIM ? " n° " + r.getSequenceNumber() : "");
      if (r.getReceivedOn() != null) {
        String outcome = r.getStatus() == ReportStatus.APPROVED ? " : approuvé"
            : r.getStatus() == ReportStatus.REJECTED ? " : non approuvé" : "";
        facts.add(new Fact(r.getReceivedOn(), null, Step.REPORT, r.getSequenceNumber(), Actors.SYSTEM, "BILAN_RECU",
            name + " reçu le " + french(r.getReceivedOn()) + " (attendu le " + french(r.getDueOn()) + ")" + outcome + "."));
      } else if (r.getDueOn() != null) {
        facts.add(new Fact(r.getDueOn(), null, Step.REPORT, r.getSequenceNumber(), Actors.SYSTEM, "BILAN_ATTENDU",
            name + " attendu le " + french(r.getDueOn()) + (r.isLate() ? " : en retard" : "") + "."));
      }
    }
    if (a.getServiceRenderedOn() != null) {
      facts.add(new Fact(a.getServiceRenderedOn(), null, Step.SERVICE_RENDERED, 0, actor(a.getServiceRenderedBy()),
          "SERVICE_FAIT", "Service fait constaté le " + french(a.getServiceRenderedOn())
              + (a.getAmountDue() == null ? "" : " : montant dû " + Money.format(a.getAmountDue())) + "."));
    }
    if (a.getNoticeSentOn() != null) {
      facts.add(new Fact(a.getNoticeSentOn(), null, Step.NOTICE, 0, Actors.SYSTEM, "MISE_EN_DEMEURE",
          "Mise en demeure adressée le " + french(a.getNoticeSentOn()) + "."));
    }
    if (a.getTerminatedOn() != null) {
      facts.add(new Fact(a.getTerminatedOn(), null, Step.TERMINATED, 0, Actors.SYSTEM, "RESILIATION",
          "Convention " + number + " résiliée le " + french(a.getTerminatedOn()) + "."));
    }
    if (a.getClosedOn() != null) {
      facts.add(new Fact(a.getClosedOn(), null, Step.CLOSED, 0, Actors.SYSTEM, "CLOTURE",
          "Convention " + number + " close le " + french(a.getClosedOn()) + "."));
    }
    return facts;
  }

  private static String actor(String user) {
    return user == null || user.isBlank() ? Actors.SYSTEM : user;
  }

  private static LocalDate day(Instant instant) {
    return instant.atZone(ParisDateTime.PARIS).toLocalDate();
  }

  private static String french(LocalDate date) {
    return ParisDateTime.french(date);
  }
}
