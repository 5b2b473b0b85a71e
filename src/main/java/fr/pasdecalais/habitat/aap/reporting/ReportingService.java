package fr.pasdecalais.habitat.aap.reporting;

import static fr.pasdecalais.habitat.aap.shared.ParisDateTime.PARIS;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports an operator owes: planned from the call's reporting schedule when the convention comes
 * into force, then reminded, flagged late, received and reviewed. Interim reports are due
 * {@code monthsAfterStart} months after the start of the convention; the final report within six
 * months after its end (2023 convention).
 */
@Service
public class ReportingService {

  /** Reminder this many days before an interim report is due. */
  public static final int INTERIM_REMINDER_DAYS = 15;
  /** An interim report is late this many days after its due date. */
  public static final int INTERIM_GRACE_DAYS = 15;
  /** The final report is due this many months after the end of the convention. */
  public static final int FINAL_REPORT_MONTHS_AFTER_END = 6;

  private final ReportRepository reports;

  public ReportingService(ReportRepository reports) {
    this.reports = reports;
  }

  /** A milestone of the call's reporting schedule: months after the start of the convention. */
  public record Milestone(ReportKind kind, int monthsAfterStart) {}

  /** The reports planned for an agreement: the interim ones in due order, and the final one. */
  public record Plan(List<Long> interimReportIds, Long finalReportId) {}

  /**
   * Plans the reports of an agreement (once: planning again returns the existing plan). The call's
   * FINAL milestones are covered by the final report, due six months after the end.
   */
  @Transactional
  public Plan plan(Long agreementId, LocalDate periodStart, LocalDate periodEnd, List<Milestone> milestones) {
    List<Report> existing = reports.findByAgreementIdOrderByDueOnAscIdAsc(agreementId);
    if (existing.isEmpty()) {
      int sequence = 0;
      for (Milestone m : milestones.stream().filter(m -> m.kind() == ReportKind.INTERIM)
          .sorted((a, b) -> Integer.compare(a.monthsAfterStart(), b.monthsAfterStart())).toList()) {
        LocalDate due = periodStart.plusMonths(m.monthsAfterStart());
        if (due.isAfter(periodEnd)) {
          continue;
        }
        existing.add(reports.save(new Report(agreementId, ReportKind.INTERIM, ++sequence, due)));
      }
      existing.add(reports.save(new Report(agreementId, ReportKind.FINAL, 1,
          periodEnd.plusMonths(FINAL_REPORT_MONTHS_AFTER_END))));
      reports.flush();
    }
    List<Long> interim = new ArrayList<>();
    Long finalId = null;
    for (Report r : existing) {
      if (r.getKind() == ReportKind.INTERIM) {
        interim.add(r.getId());
      } else {
        finalId = r.getId();
      }
    }
    return new Plan(interim, finalId);
  }

  @Transactional(readOnly = true)
  public Report get(Number reportId) {
    return reports.findById(reportId.longValue())
        .orElseThrow(() -> new IllegalStateException("Bilan " + reportId + " introuvable."));
  }

  @Transactional(readOnly = true)
  public List<Report> ofAgreement(Long agreementId) {
    return reports.findByAgreementIdOrderByDueOnAscIdAsc(agreementId);
  }

  /** When the operator is reminded: 15 days before an interim report, one month before the final one (9 h, Paris). */
  @Transactional(readOnly = true)
  public Date reminderAt(Number reportId) {
    Report r = get(reportId);
    LocalDate day = r.getKind() == ReportKind.INTERIM ? r.getDueOn().minusDays(INTERIM_REMINDER_DAYS)
        : r.getDueOn().minusMonths(1);
    return at(day, LocalTime.of(9, 0));
  }

  /** The due date, at the start of the day: the receipt task appears then. */
  @Transactional(readOnly = true)
  public Date dueAt(Number reportId) {
    return at(get(reportId).getDueOn(), LocalTime.MIDNIGHT);
  }

  /** When a report not received is late: the day after the due date (final), 15 days after it (interim). */
  @Transactional(readOnly = true)
  public Date lateAt(Number reportId) {
    Report r = get(reportId);
    LocalDate day = r.getKind() == ReportKind.INTERIM ? r.getDueOn().plusDays(INTERIM_GRACE_DAYS + 1)
        : r.getDueOn().plusDays(1);
    return at(day, LocalTime.MIDNIGHT);
  }

  @Transactional
  public Report remind(Number reportId) {
    Report r = get(reportId);
    r.remind();
    return r;
  }

  @Transactional
  public Report flagLate(Number reportId) {
    Report r = get(reportId);
    if (r.getStatus() == ReportStatus.EXPECTED) {
      r.flagLate();
    }
    return r;
  }

  @Transactional
  public Report escalate(Number reportId) {
    Report r = get(reportId);
    if (r.getStatus() == ReportStatus.EXPECTED) {
      r.escalate();
    }
    return r;
  }

  /** Records a received report: the date, the indicator values (a JSON object) and the summary. */
  @Transactional
  public Report receive(Number reportId, LocalDate receivedOn, String indicatorValuesJson, String summary) {
    Report r = get(reportId);
    LocalDate today = EngineClock.today();
    r.receive(receivedOn == null || receivedOn.isAfter(today) ? today : receivedOn, indicatorValuesJson, summary);
    return r;
  }

  @Transactional
  public Report review(Number reportId, boolean approved) {
    Report r = get(reportId);
    r.review(approved);
    return r;
  }

  static Date at(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(PARIS).toInstant());
  }

}
