package fr.pasdecalais.habitat.aap.reporting;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The dates of a report's timers, for the expressions of {@code grant-agreement.bpmn}
 * ({@code ${reportSchedule.dueAt(reportId)}}): read from the report's row, so they follow the
 * convention's period as planned.
 */
@Component("reportSchedule")
public class ReportSchedule {

  private final ReportingService reporting;

  public ReportSchedule(ReportingService reporting) {
    this.reporting = reporting;
  }

  public Date reminderAt(Object reportId) {
    return reporting.reminderAt((Number) reportId);
  }

  public Date dueAt(Object reportId) {
    return reporting.dueAt((Number) reportId);
  }

  /** Whether the report is still awaited (an amendment may have cancelled it). */
  public boolean expected(Object reportId) {
    return reporting.expected((Number) reportId);
  }

  public Date lateAt(Object reportId) {
    return reporting.lateAt((Number) reportId);
  }
}
