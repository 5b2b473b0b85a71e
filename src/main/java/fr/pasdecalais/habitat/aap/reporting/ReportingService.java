package fr.pasdecalais.habitat.aap.reporting;

import static fr.pasdecalais.habitat.aap.shared.ParisDateTime.PARIS;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports an operator owes: planned from the call's reporting schedule when the convention comes
 * into force ({@link #schedule}), moved when an amendment changes the period, requested on demand,
 * then reminded, flagged late, received and reviewed. Without a stated delay, the final report is
 * due within six months after the end (2023 convention).
 */
@Service
public class ReportingService {

  /** Reminder this many days before an interim report is due. */
  public static final int INTERIM_REMINDER_DAYS = 15;
  /** An interim report is late this many days after its due date. */
  public static final int INTERIM_GRACE_DAYS = 15;
  /** The final report is due this many months after the end of the convention, when the call states no other delay. */
  public static final int FINAL_REPORT_MONTHS_AFTER_END = 6;

  private final ReportRepository reports;

  public ReportingService(ReportRepository reports) {
    this.reports = reports;
  }

  /**
   * A milestone of the call's reporting schedule, neutral of the call capability: {@code everyMonths}
   * &gt; 0 for a recurring report (first due at {@code monthsAfterStart} or after one period),
   * {@code onDemand} for a report an agent requests, otherwise due once: at fixed {@code dates}, at
   * {@code monthsAfterStart}, or (final) {@code monthsAfterEnd} after the end or by
   * {@code inYearAfterEnd} of the year after the end.
   */
  public record Milestone(String code, String label, ReportKind kind, int everyMonths, boolean onDemand,
      Integer monthsAfterStart, Integer monthsAfterEnd, MonthDay inYearAfterEnd, List<LocalDate> dates,
      Integer delayDays) {

    public Milestone {
      dates = dates == null ? List.of() : List.copyOf(dates);
    }

    /** A report due once, {@code monthsAfterStart} months after the start (the former format). */
    public Milestone(ReportKind kind, int monthsAfterStart) {
      this(kind.name() + "_" + monthsAfterStart, null, kind, 0, false, monthsAfterStart, null, null, List.of(), null);
    }
  }

  /** A report the schedule makes due: its milestone, its occurrence (null when due once) and its date. */
  public record Due(String code, String label, ReportKind kind, Integer occurrence, LocalDate dueOn) {}

  /** The reports planned for an agreement: those still awaited before the final one, in due order, and the final one. */
  public record Plan(List<Long> interimReportIds, Long finalReportId) {}

  /**
   * The due dates of a convention's reports, as the documents write them. Recurring monthly and
   * quarterly tables fall inside the period (the last period is the final report's); a yearly
   * committee or report is kept when it falls on the day after the end (a one-year convention has
   * its committee at 12 months); a report due once at n months is always kept. Without a FINAL
   * milestone, the final report is due six months after the end.
   */
  public static List<Due> schedule(LocalDate start, LocalDate end, List<Milestone> milestones) {
    List<Due> due = new ArrayList<>();
    boolean hasFinal = false;
    for (Milestone m : milestones) {
      if (m.onDemand()) {
        continue;
      }
      if (m.kind() == ReportKind.FINAL) {
        hasFinal = true;
        LocalDate on = !m.dates().isEmpty() ? m.dates().get(0)
            : m.monthsAfterEnd() != null ? end.plusMonths(m.monthsAfterEnd())
            : m.inYearAfterEnd() != null ? m.inYearAfterEnd().atYear(end.getYear() + 1)
            : m.monthsAfterStart() != null ? start.plusMonths(m.monthsAfterStart())
            : end.plusMonths(FINAL_REPORT_MONTHS_AFTER_END);
        due.add(new Due(m.code(), m.label(), ReportKind.FINAL, null, on));
      } else if (m.everyMonths() > 0) {
        LocalDate last = m.everyMonths() >= 12 ? end.plusDays(1) : end;
        int first = m.monthsAfterStart() != null ? m.monthsAfterStart() : m.everyMonths();
        int occurrence = 0;
        for (int months = first; !start.plusMonths(months).isAfter(last); months += m.everyMonths()) {
          due.add(new Due(m.code(), m.label(), m.kind(), ++occurrence, start.plusMonths(months)));
        }
      } else if (!m.dates().isEmpty()) {
        int occurrence = 0;
        for (LocalDate d : m.dates().stream().sorted().toList()) {
          ++occurrence;
          due.add(new Due(m.code(), m.label(), m.kind(), m.dates().size() > 1 ? occurrence : null, d));
        }
      } else if (m.monthsAfterStart() != null) {
        due.add(new Due(m.code(), m.label(), m.kind(), null, start.plusMonths(m.monthsAfterStart())));
      }
    }
    if (!hasFinal) {
      due.add(new Due("BILAN_FINAL", ReportKind.FINAL.label(), ReportKind.FINAL, null,
          end.plusMonths(FINAL_REPORT_MONTHS_AFTER_END)));
    }
    due.sort(Comparator.comparing(Due::dueOn).thenComparing(d -> d.kind() == ReportKind.FINAL ? 1 : 0));
    return due;
  }

  /**
   * Plans the reports of an agreement (once: planning again returns the reports still awaited).
   * Every report of the schedule is a row; the interim ones and committees are awaited one after
   * the other, the final one by "Réceptionner le bilan final".
   */
  @Transactional
  public Plan plan(Long agreementId, LocalDate periodStart, LocalDate periodEnd, List<Milestone> milestones) {
    List<Report> existing = reports.findByAgreementIdOrderByDueOnAscIdAsc(agreementId);
    if (existing.isEmpty()) {
      Map<ReportKind, Integer> sequence = new EnumMap<>(ReportKind.class);
      for (Due d : schedule(periodStart, periodEnd, milestones)) {
        int n = sequence.merge(d.kind(), 1, Integer::sum);
        reports.save(new Report(agreementId, d.kind(), n, d.dueOn(), d.code(), d.label(), d.occurrence()));
      }
      reports.flush();
    }
    return currentPlan(agreementId);
  }

  /** The reports still awaited (not final, expected, not requested on demand) in due order, and the final report. */
  @Transactional(readOnly = true)
  public Plan currentPlan(Long agreementId) {
    List<Long> awaited = new ArrayList<>();
    Long finalId = null;
    for (Report r : reports.findByAgreementIdOrderByDueOnAscIdAsc(agreementId)) {
      if (r.getKind() == ReportKind.FINAL) {
        finalId = r.getId();
      } else if (r.getStatus() == ReportStatus.EXPECTED && r.getRequestedBy() == null) {
        awaited.add(r.getId());
      }
    }
    return new Plan(awaited, finalId);
  }

  /**
   * An amendment changed the period: the schedule is computed again; reports not received yet move
   * to their new date, new occurrences (a longer period: more monthly tables) are added, expected
   * ones the new period no longer has are cancelled, except those already awaited (their receipt is
   * under way: {@code awaited}). Received, reviewed and requested reports stay. Returns the reports
   * whose date changed or that were cancelled.
   */
  @Transactional
  public List<Report> reschedule(Long agreementId, LocalDate periodStart, LocalDate periodEnd, List<Milestone> milestones,
      java.util.Set<Long> awaited) {
    List<Report> existing = reports.findByAgreementIdOrderByDueOnAscIdAsc(agreementId);
    if (existing.isEmpty()) {
      return List.of();
    }
    Map<String, Report> byKey = new HashMap<>();
    for (Report r : existing) {
      if (r.getRequestedBy() == null) {
        byKey.put(key(r.getKind(), r.getCode(), r.getOccurrence()), r);
      }
    }
    Map<ReportKind, Integer> sequence = new EnumMap<>(ReportKind.class);
    existing.forEach(r -> sequence.merge(r.getKind(), r.getSequenceNumber(), Math::max));
    List<Report> changed = new ArrayList<>();
    for (Due d : schedule(periodStart, periodEnd, milestones)) {
      Report r = d.kind() == ReportKind.FINAL
          ? existing.stream().filter(x -> x.getKind() == ReportKind.FINAL).findFirst().orElse(null)
          : byKey.get(key(d.kind(), d.code(), d.occurrence()));
      if (r == null) {
        int n = sequence.merge(d.kind(), 1, Integer::sum);
        reports.save(new Report(agreementId, d.kind(), n, d.dueOn(), d.code(), d.label(), d.occurrence()));
        continue;
      }
      byKey.values().remove(r);
      if (r.getStatus() == ReportStatus.EXPECTED && !r.getDueOn().equals(d.dueOn())) {
        r.moveTo(d.dueOn());
        changed.add(r);
      }
    }
    for (Report left : byKey.values()) {
      if (left.getKind() != ReportKind.FINAL && left.getStatus() == ReportStatus.EXPECTED
          && !awaited.contains(left.getId())) {
        left.cancel();
        changed.add(left);
      }
    }
    reports.flush();
    return changed;
  }

  private static String key(ReportKind kind, String code, Integer occurrence) {
    return kind + "/" + code + "/" + occurrence;
  }

  /** An on-demand report requested by an agent: due {@code dueOn}. */
  @Transactional
  public Report request(Long agreementId, String code, String label, LocalDate dueOn, String requestedBy) {
    List<Report> existing = reports.findByAgreementIdOrderByDueOnAscIdAsc(agreementId);
    int sequence = existing.stream().filter(r -> r.getKind() == ReportKind.INTERIM)
        .mapToInt(Report::getSequenceNumber).max().orElse(0) + 1;
    int occurrence = (int) existing.stream().filter(r -> code.equals(r.getCode())).count() + 1;
    Report r = new Report(agreementId, ReportKind.INTERIM, sequence, dueOn, code, label, occurrence);
    r.requestedBy(requestedBy);
    return reports.saveAndFlush(r);
  }

  /** Whether the report is still awaited (neither received nor cancelled). */
  @Transactional(readOnly = true)
  public boolean expected(Number reportId) {
    return get(reportId).getStatus() == ReportStatus.EXPECTED;
  }

  @Transactional(readOnly = true)
  public Report get(Number reportId) {
    return reports.findById(reportId.longValue())
        .orElseThrow(() -> new IllegalStateException("Bilan " + reportId + " introuvable."));
  }

  /** The reports of several conventions at once (statistics). */
  @Transactional(readOnly = true)
  public List<Report> ofAgreements(java.util.Collection<Long> agreementIds) {
    return agreementIds.isEmpty() ? List.of() : reports.findByAgreementIdIn(agreementIds);
  }

  @Transactional(readOnly = true)
  public List<Report> ofAgreement(Long agreementId) {
    return reports.findByAgreementIdOrderByDueOnAscIdAsc(agreementId);
  }

  /** When the operator is reminded: 15 days before an interim report, one month before the final one (9 h, Paris). */
  @Transactional(readOnly = true)
  public Date reminderAt(Number reportId) {
    Report r = get(reportId);
    LocalDate day = r.getKind() != ReportKind.FINAL ? r.getDueOn().minusDays(INTERIM_REMINDER_DAYS)
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
    LocalDate day = r.getKind() != ReportKind.FINAL ? r.getDueOn().plusDays(INTERIM_GRACE_DAYS + 1)
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
