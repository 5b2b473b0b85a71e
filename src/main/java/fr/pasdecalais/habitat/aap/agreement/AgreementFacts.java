package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentKind;
import fr.pasdecalais.habitat.aap.payment.PaymentService;
import fr.pasdecalais.habitat.aap.payment.PaymentStatus;
import fr.pasdecalais.habitat.aap.reporting.Report;
import fr.pasdecalais.habitat.aap.reporting.ReportStatus;
import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.Money;
import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conventions as the statistics count them: the amount granted (a terminated convention at
 * what was due), paid, recovered (collected on its titres de recette), the dates of its signature
 * (the later of the two), of its advance and of its balance (the payment dates the finance officer
 * recorded), and its reports (expected so far, late).
 */
@Service
public class AgreementFacts {

  private static final int SLICE = 500;

  private final GrantAgreementRepository agreements;
  private final PaymentService payments;
  private final ReportingService reporting;

  public AgreementFacts(GrantAgreementRepository agreements, PaymentService payments, ReportingService reporting) {
    this.agreements = agreements;
    this.payments = payments;
    this.reporting = reporting;
  }

  /**
   * One convention's facts.
   *
   * @param reports reports due by today or already received (cancelled ones left out)
   * @param reportsLate reports flagged late (received late, or due and still awaited)
   */
  public record ConventionFacts(String number, String applicationReference, String callReference, String lotCode,
      String status, BigDecimal granted, BigDecimal paid, BigDecimal recovered, LocalDate signedOn,
      LocalDate advancePaidOn, LocalDate balancePaidOn, int reports, int reportsLate) {}

  /** The conventions of one call, or of every call ({@code callReference} null). */
  @Transactional(readOnly = true)
  public List<ConventionFacts> of(String callReference) {
    List<GrantAgreement> all = new ArrayList<>(callReference == null ? agreements.findAll()
        : agreements.findByCallReference(callReference));
    all.sort(Comparator.comparing(GrantAgreement::getId));
    LocalDate today = EngineClock.now().atZone(ParisDateTime.PARIS).toLocalDate();
    List<ConventionFacts> facts = new ArrayList<>(all.size());
    for (int from = 0; from < all.size(); from += SLICE) {
      List<GrantAgreement> slice = all.subList(from, Math.min(all.size(), from + SLICE));
      List<Long> ids = slice.stream().map(GrantAgreement::getId).toList();
      Map<Long, List<Payment>> paymentsOf = new HashMap<>();
      List<Payment> sliceMoney = payments.ofAgreements(ids);
      sliceMoney.forEach(p -> paymentsOf.computeIfAbsent(p.getAgreementId(), k -> new ArrayList<>()).add(p));
      Map<Long, BigDecimal> collected = payments.collectedOn(sliceMoney.stream()
          .filter(p -> p.getKind() == PaymentKind.RECOVERY && p.isLive()).map(Payment::getId).toList());
      Map<Long, List<Report>> reportsOf = new HashMap<>();
      reporting.ofAgreements(ids).forEach(r -> reportsOf.computeIfAbsent(r.getAgreementId(), k -> new ArrayList<>()).add(r));
      for (GrantAgreement a : slice) {
        List<Payment> money = paymentsOf.getOrDefault(a.getId(), List.of());
        List<Report> reports = reportsOf.getOrDefault(a.getId(), List.of()).stream()
            .filter(r -> r.getStatus() != ReportStatus.CANCELLED)
            .filter(r -> r.getReceivedOn() != null || (r.getDueOn() != null && !r.getDueOn().isAfter(today)))
            .toList();
        BigDecimal paid = money.stream().filter(p -> p.getKind() != PaymentKind.RECOVERY && p.getStatus() == PaymentStatus.PAID)
            .map(Payment::getAmount).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal recovered = money.stream().map(p -> collected.getOrDefault(p.getId(), Money.ZERO))
            .reduce(Money.ZERO, BigDecimal::add);
        BigDecimal granted = a.getStatus() == AgreementStatus.TERMINATED && a.getAmountDue() != null ? a.getAmountDue()
            : a.getAmount();
        facts.add(new ConventionFacts(a.getNumber(), a.getApplicationReference(), a.getCallReference(), a.getLotCode(),
            a.getStatus().name(), granted == null ? Money.ZERO : Money.of(granted), paid, recovered, signedOn(a),
            paidOn(money, PaymentKind.ADVANCE), paidOn(money, PaymentKind.BALANCE), reports.size(),
            (int) reports.stream().filter(Report::isLate).count()));
      }
    }
    return facts;
  }

  /** Signed when both have signed: the later of the two dates. */
  private static LocalDate signedOn(GrantAgreement a) {
    if (a.getOperatorSignedOn() == null || a.getPresidentSignedOn() == null) {
      return null;
    }
    return a.getOperatorSignedOn().isAfter(a.getPresidentSignedOn()) ? a.getOperatorSignedOn() : a.getPresidentSignedOn();
  }

  private static LocalDate paidOn(List<Payment> money, PaymentKind kind) {
    return money.stream().filter(p -> p.getKind() == kind && p.getStatus() == PaymentStatus.PAID)
        .map(Payment::getPaidOn).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
  }
}
