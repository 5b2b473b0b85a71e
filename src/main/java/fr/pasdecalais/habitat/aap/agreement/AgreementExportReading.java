package fr.pasdecalais.habitat.aap.agreement;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentKind;
import fr.pasdecalais.habitat.aap.payment.PaymentService;
import fr.pasdecalais.habitat.aap.reporting.Report;
import fr.pasdecalais.habitat.aap.reporting.ReportKind;
import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the exports and the open data read of conventions, one page at a time (keyset paging on the
 * id, each page its own read-only transaction): the convention, its payments (with what was
 * collected on its titres de recette), its reports and the indicator values of its final report.
 */
@Service
public class AgreementExportReading {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final GrantAgreementRepository agreements;
  private final PaymentService payments;
  private final ReportingService reporting;

  public AgreementExportReading(GrantAgreementRepository agreements, PaymentService payments,
      ReportingService reporting) {
    this.agreements = agreements;
    this.payments = payments;
    this.reporting = reporting;
  }

  /**
   * A payment line: kind ({@code ADVANCE}, {@code INSTALMENT}, {@code BALANCE}, {@code RECOVERY}) and
   * its French label, amount, order and mandate (or titre) numbers, when ordered, when paid, status
   * ({@code ORDERED}, {@code PAID}, {@code CANCELLED}); for a titre de recette, what was collected.
   */
  public record ExportedPayment(String kind, String kindLabel, int instalment, BigDecimal amount, String orderNumber,
      String mandateNumber, Instant orderedAt, LocalDate paidOn, String status, BigDecimal collected) {}

  /** A report: kind ({@code INTERIM}, {@code FINAL}…), title, due, received, late, approved (null: not decided). */
  public record ExportedReport(String kind, String title, LocalDate dueOn, LocalDate receivedOn, boolean late,
      Boolean approved, String status) {}

  /**
   * A convention as the exports write it. {@code operatorSignedOn}/{@code presidentSignedOn}: the two
   * signatures (signed once both are there); {@code indicators}: the values of its final report
   * (indicator code → value as typed), empty before it.
   */
  public record ExportedAgreement(Long id, String number, String status, Long applicationId,
      String applicationReference, String organizationName, String callReference, String callTitle, String lotCode,
      LocalDate periodStart, LocalDate periodEnd, BigDecimal amount, BigDecimal amountDue, int shareAtSignature,
      String scheduleLabel, LocalDate decisionDate, LocalDate operatorSignedOn, LocalDate presidentSignedOn,
      LocalDate serviceRenderedOn, LocalDate closedOn, LocalDate terminatedOn, List<ExportedPayment> payments,
      List<ExportedReport> reports, Map<String, Object> indicators) {

    /** The day the convention was signed by both parties (the later signature), null before. */
    public LocalDate signedOn() {
      if (operatorSignedOn == null || presidentSignedOn == null) {
        return null;
      }
      return operatorSignedOn.isAfter(presidentSignedOn) ? operatorSignedOn : presidentSignedOn;
    }
  }

  /** The next {@code size} conventions of these calls after the id {@code afterId} (status null: all). */
  @Transactional(readOnly = true)
  public List<ExportedAgreement> page(Collection<String> callReferences, String status, long afterId, int size) {
    if (callReferences.isEmpty()) {
      return List.of();
    }
    AgreementStatus wanted = status == null || status.isBlank() ? null : AgreementStatus.valueOf(status.trim());
    List<ExportedAgreement> result = new ArrayList<>();
    for (GrantAgreement a : agreements.exportPage(callReferences, afterId, wanted, Limit.of(size))) {
      List<Payment> own = payments.ofAgreement(a.getId());
      Map<Long, BigDecimal> collected = payments.collected(own.stream()
          .filter(p -> p.getKind() == PaymentKind.RECOVERY).map(Payment::getId).toList());
      List<ExportedPayment> lines = own.stream().map(p -> new ExportedPayment(p.getKind().name(), p.getKind().label(),
          p.getInstalment(), p.getAmount(), p.getOrderNumber(), p.getMandateNumber(), p.getOrderedAt(), p.getPaidOn(),
          p.getStatus().name(), p.getKind() == PaymentKind.RECOVERY
              ? collected.getOrDefault(p.getId(), BigDecimal.ZERO.setScale(2)) : null)).toList();
      List<Report> reports = reporting.ofAgreement(a.getId());
      Map<String, Object> indicators = new LinkedHashMap<>();
      for (Report r : reports) {
        if (r.getKind() == ReportKind.FINAL && r.getIndicatorValues() != null) {
          indicators = values(r.getIndicatorValues());
        }
      }
      result.add(new ExportedAgreement(a.getId(), a.getNumber(), a.getStatus().name(), a.getApplicationId(),
          a.getApplicationReference(), a.getOrganizationName(), a.getCallReference(), a.getCallTitle(), a.getLotCode(),
          a.getPeriodStart(), a.getPeriodEnd(), a.getAmount(), a.getAmountDue(), a.getShareAtSignature(),
          a.getScheduleLabel(), a.getDecisionDate(), a.getOperatorSignedOn(), a.getPresidentSignedOn(),
          a.getServiceRenderedOn(), a.getClosedOn(), a.getTerminatedOn(), lines,
          reports.stream().map(r -> new ExportedReport(r.getKind().name(), r.title(), r.getDueOn(), r.getReceivedOn(),
              r.isLate(), r.getApproved(), r.getStatus().name())).toList(),
          indicators));
    }
    return result;
  }

  /** Whether {@code status} names a convention status. */
  public static boolean isStatus(String status) {
    for (AgreementStatus s : AgreementStatus.values()) {
      if (s.name().equals(status)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Object> values(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      return Map.of("brut", json);
    }
  }
}
