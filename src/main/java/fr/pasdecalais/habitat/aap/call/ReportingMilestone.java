package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A report of the call's schedule (see {@link CallDefinition.ReportingMilestone}): when it is due
 * is computed by the reporting capability from these fields and the convention's period.
 */
@Embeddable
public class ReportingMilestone {

  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

  @Column(nullable = false, length = 40)
  private String code;
  @Column(nullable = false, length = 300)
  private String label;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private CallDefinition.ReportKind kind;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private ReportFrequency frequency = ReportFrequency.ONCE;
  @Column(name = "months_after_start")
  private Integer monthsAfterStart;
  @Column(name = "months_after_end")
  private Integer monthsAfterEnd;
  @Column(name = "in_year_after_end", length = 5)
  private String inYearAfterEnd;
  /** Fixed due dates, ISO, comma-separated. */
  @Column(name = "fixed_dates", length = 1000)
  private String fixedDates;
  @Column(name = "delay_days")
  private Integer delayDays;

  protected ReportingMilestone() {}

  public ReportingMilestone(String code, String label, CallDefinition.ReportKind kind, int monthsAfterStart) {
    this(new CallDefinition.ReportingMilestone(code, label, kind, monthsAfterStart));
  }

  public ReportingMilestone(CallDefinition.ReportingMilestone d) {
    this.code = d.code();
    this.label = d.label();
    this.kind = d.kind();
    this.frequency = d.frequency();
    this.monthsAfterStart = d.monthsAfterStart();
    this.monthsAfterEnd = d.monthsAfterEnd();
    this.inYearAfterEnd = d.inYearAfterEnd();
    this.fixedDates = d.dates().isEmpty() ? null
        : d.dates().stream().map(LocalDate::toString).collect(Collectors.joining(","));
    this.delayDays = d.delayDays();
  }

  public String getCode() {
    return code;
  }

  public String getLabel() {
    return label;
  }

  public CallDefinition.ReportKind getKind() {
    return kind;
  }

  public ReportFrequency getFrequency() {
    return frequency == null ? ReportFrequency.ONCE : frequency;
  }

  /** Months after the start (once), or of the first occurrence (recurring); may be null. */
  public Integer getMonthsAfterStart() {
    return monthsAfterStart;
  }

  public Integer getMonthsAfterEnd() {
    return monthsAfterEnd;
  }

  public String getInYearAfterEnd() {
    return inYearAfterEnd;
  }

  public List<LocalDate> getDates() {
    return fixedDates == null || fixedDates.isBlank() ? List.of()
        : Arrays.stream(fixedDates.split(",")).map(String::trim).map(LocalDate::parse).toList();
  }

  public Integer getDelayDays() {
    return delayDays;
  }

  /** When it is due, in French: "chaque mois", "à 3 mois", "dans les 6 mois suivant la fin de la convention"… */
  public String frenchSchedule() {
    ReportFrequency f = getFrequency();
    if (f == ReportFrequency.ON_DEMAND) {
      return "à la demande du Département, sous " + (delayDays == null ? 30 : delayDays) + " jours";
    }
    if (f.recurring()) {
      return f.label();
    }
    if (!getDates().isEmpty()) {
      return "le " + getDates().stream().map(FRENCH::format).collect(Collectors.joining(", le "));
    }
    if (monthsAfterEnd != null) {
      return "dans les " + monthsAfterEnd + " mois suivant la fin de la convention";
    }
    if (inYearAfterEnd != null) {
      String[] md = inYearAfterEnd.split("-");
      return "en n+1, au plus tard le " + Integer.parseInt(md[1]) + " "
          + java.time.Month.of(Integer.parseInt(md[0])).getDisplayName(java.time.format.TextStyle.FULL, Locale.FRANCE)
          + " de l'année suivant la fin de la convention";
    }
    if (monthsAfterStart != null) {
      return "à " + monthsAfterStart + " mois";
    }
    return "dans les 6 mois suivant la fin de la convention";
  }
}
