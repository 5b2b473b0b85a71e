package fr.pasdecalais.habitat.aap.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.shared.Money;
import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentService;
import fr.pasdecalais.habitat.aap.reporting.Report;
import fr.pasdecalais.habitat.aap.reporting.ReportKind;
import fr.pasdecalais.habitat.aap.reporting.ReportStatus;
import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the API shows of conventions: the agreement of a dossier with its payments, reports,
 * amendments and documents (for {@code GET /api/applications/{ref}}), and a call's totals granted,
 * paid and recovered (for {@code GET /api/calls/{reference}}).
 */
@Service
public class AgreementReading {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final GrantAgreementRepository agreements;
  private final AmendmentRepository amendments;
  private final AgreementDocumentRepository documents;
  private final PaymentService payments;
  private final ReportingService reporting;

  public AgreementReading(GrantAgreementRepository agreements, AmendmentRepository amendments,
      AgreementDocumentRepository documents, PaymentService payments, ReportingService reporting) {
    this.agreements = agreements;
    this.amendments = amendments;
    this.documents = documents;
    this.payments = payments;
    this.reporting = reporting;
  }

  @io.swagger.v3.oas.annotations.media.Schema(name = "AgreementPaymentView") // one name per schema in /v3/api-docs
  public record PaymentView(Long id, String kind, String kindLabel, String orderNumber, BigDecimal amount,
      String amountLabel, String status, Instant orderedAt, LocalDate paidOn, String mandateNumber, String label,
      String validatedBy) {
    public static PaymentView of(Payment p) {
      return new PaymentView(p.getId(), p.getKind().name(), p.getKind().label(), p.getOrderNumber(), p.getAmount(),
          Money.format(p.getAmount()), p.getStatus().name(), p.getOrderedAt(), p.getPaidOn(), p.getMandateNumber(),
          p.getLabel(), p.getValidatedBy());
    }
  }

  public record ReportView(Long id, String kind, String kindLabel, int sequence, LocalDate dueOn, String status,
      LocalDate receivedOn, boolean late, boolean reminderSent, boolean escalated, Map<String, Object> indicatorValues,
      Boolean approved, String code, String title, String requestedBy) {}

  public record AmendmentView(int sequence, String reason, String status, BigDecimal previousAmount,
      LocalDate previousPeriodEnd, BigDecimal newAmount, LocalDate newPeriodEnd, LocalDate decidedOn, String comment) {}

  @io.swagger.v3.oas.annotations.media.Schema(name = "AgreementDocumentView") // one name per schema in /v3/api-docs
  public record DocumentView(Long id, String fileName, String mediaType, long size, Instant createdAt, String url) {}

  public record AgreementView(String number, String status, String applicationReference, String organizationName,
      String callReference, String lotCode, LocalDate periodStart, LocalDate periodEnd, BigDecimal amount,
      String amountLabel, String units, String paymentSchedule, LocalDate decisionDate, LocalDate operatorSignedOn,
      LocalDate presidentSignedOn, LocalDate serviceRenderedOn, BigDecimal amountDue, LocalDate noticeSentOn,
      LocalDate closedOn, LocalDate terminatedOn, BigDecimal paid, BigDecimal recovered, BigDecimal toRecover,
      List<PaymentView> payments,
      List<ReportView> reports, List<AmendmentView> amendments, List<DocumentView> documents,
      String signaturesRecordedBy, String serviceRenderedBy) {}

  /** The convention of a dossier, if it has one. */
  @Transactional(readOnly = true)
  public Optional<AgreementView> ofApplication(String applicationReference) {
    return agreements.findByApplicationReference(applicationReference).map(this::view);
  }

  private AgreementView view(GrantAgreement a) {
    PaymentService.Totals totals = payments.totals(List.of(a.getId()));
    return new AgreementView(a.getNumber(), a.getStatus().name(), a.getApplicationReference(), a.getOrganizationName(),
        a.getCallReference(), a.getLotCode(), a.getPeriodStart(), a.getPeriodEnd(), a.getAmount(),
        Money.format(a.getAmount()), a.getUnits(), a.getScheduleLabel(), a.getDecisionDate(), a.getOperatorSignedOn(),
        a.getPresidentSignedOn(), a.getServiceRenderedOn(), a.getAmountDue(), a.getNoticeSentOn(), a.getClosedOn(),
        a.getTerminatedOn(), totals.paid(), totals.recovered(), totals.toRecover(),
        payments.ofAgreement(a.getId()).stream().map(PaymentView::of).toList(),
        reporting.ofAgreement(a.getId()).stream().map(AgreementReading::report).toList(),
        amendments.findByAgreementIdOrderBySequenceNumberAsc(a.getId()).stream()
            .map(m -> new AmendmentView(m.getSequenceNumber(), m.getReason(), m.getStatus().name(), m.getPreviousAmount(),
                m.getPreviousPeriodEnd(), m.getNewAmount(), m.getNewPeriodEnd(), m.getDecidedOn(), m.getDecisionComment()))
            .toList(),
        documents.findByAgreementIdOrderByIdDesc(a.getId()).stream()
            .map(d -> new DocumentView(d.getId(), d.getFileName(), d.getMediaType(), d.getSizeBytes(), d.getCreatedAt(),
                "/api/agreements/" + a.getId() + "/documents/" + d.getId()))
            .toList(),
        a.getSignaturesRecordedBy(), a.getServiceRenderedBy());
  }

  private static ReportView report(Report r) {
    Map<String, Object> values = null;
    if (r.getIndicatorValues() != null) {
      try {
        values = JSON.readValue(r.getIndicatorValues(), new TypeReference<Map<String, Object>>() {});
      } catch (IOException e) {
        values = Map.of("brut", r.getIndicatorValues());
      }
    }
    return new ReportView(r.getId(), r.getKind().name(), r.getKind().label(), r.getSequenceNumber(), r.getDueOn(),
        r.getStatus().name(), r.getReceivedOn(), r.isLate(), r.isReminderSent(), r.isEscalated(), values, r.getApproved(),
        r.getCode(), r.title(), r.getRequestedBy());
  }

  /** Money of a call's conventions: granted (current amounts, terminated ones at what was due), paid, recovered. */
  public record CallTotals(String callReference, int agreements, BigDecimal granted, BigDecimal paid,
      BigDecimal ordered, BigDecimal recovered, BigDecimal toRecover) {}

  @Transactional(readOnly = true)
  public CallTotals callTotals(String callReference) {
    List<GrantAgreement> all = agreements.findByCallReference(callReference);
    BigDecimal granted = all.stream()
        .map(a -> a.getStatus() == AgreementStatus.TERMINATED && a.getAmountDue() != null ? a.getAmountDue() : a.getAmount())
        .reduce(Money.ZERO, BigDecimal::add);
    PaymentService.Totals t = payments.totals(all.stream().map(GrantAgreement::getId).toList());
    return new CallTotals(callReference, all.size(), granted, t.paid(), t.ordered(), t.recovered(), t.toRecover());
  }

  /**
   * The call's indicators gathered from the approved final reports of its conventions: per
   * indicator code, the sum of the numeric values and the number of reports that gave one.
   */
  @Transactional(readOnly = true)
  public Map<String, IndicatorTotal> indicatorTotals(String callReference) {
    Map<String, IndicatorTotal> totals = new LinkedHashMap<>();
    for (GrantAgreement agreement : agreements.findByCallReference(callReference)) {
      for (Report report : reporting.ofAgreement(agreement.getId())) {
        if (report.getKind() != ReportKind.FINAL || report.getStatus() != ReportStatus.APPROVED
            || report.getIndicatorValues() == null) {
          continue;
        }
        try {
          JSON.readTree(report.getIndicatorValues()).fields().forEachRemaining(e -> {
            IndicatorTotal before = totals.getOrDefault(e.getKey(), new IndicatorTotal(BigDecimal.ZERO, 0));
            BigDecimal value = e.getValue().isNumber() ? e.getValue().decimalValue()
                : e.getValue().isTextual() && e.getValue().asText().trim().matches("-?\\d+([.,]\\d+)?")
                    ? new BigDecimal(e.getValue().asText().trim().replace(',', '.')) : null;
            if (value != null) {
              totals.put(e.getKey(), new IndicatorTotal(before.sum().add(value), before.reports() + 1));
            }
          });
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("Valeurs d'indicateurs illisibles dans le bilan " + report.getId(), e);
        }
      }
    }
    return totals;
  }

  /** How many final reports of the call's conventions were approved, whatever their indicator values. */
  @Transactional(readOnly = true)
  public int approvedFinalReports(String callReference) {
    int n = 0;
    for (GrantAgreement agreement : agreements.findByCallReference(callReference)) {
      n += (int) reporting.ofAgreement(agreement.getId()).stream()
          .filter(r -> r.getKind() == ReportKind.FINAL && r.getStatus() == ReportStatus.APPROVED).count();
    }
    return n;
  }

  /** Sum of an indicator over the reports that gave a numeric value. */
  public record IndicatorTotal(BigDecimal sum, int reports) {}

  /** The dossier a convention belongs to, if the convention exists. */
  @Transactional(readOnly = true)
  public Optional<String> applicationReference(Long agreementId) {
    return agreements.findById(agreementId).map(GrantAgreement::getApplicationReference);
  }

  /** A generated document of a convention (the PDF linked from the forms). */
  @Transactional(readOnly = true)
  public Optional<AgreementDocument> document(Long agreementId, Long documentId) {
    return documents.findById(documentId).filter(d -> d.getAgreementId().equals(agreementId));
  }
}
