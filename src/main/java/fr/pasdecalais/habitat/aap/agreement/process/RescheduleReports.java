package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_FINAL_REPORT_DUE_LABEL;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_FINAL_REPORT_ID;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_REPORT_ID;

import fr.pasdecalais.habitat.aap.agreement.AgreementDates;
import fr.pasdecalais.habitat.aap.agreement.AgreementLifecycleService;
import fr.pasdecalais.habitat.aap.reporting.ReportSchedule;
import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * "Recalculer les échéances des bilans", after an approved avenant: the reports not received yet
 * follow the new period (stored dates), and the timers already waiting for them (reminder, due
 * date, late flag of the awaited interim report or of the final report) move to the new dates.
 * Reports the new period adds are awaited when the interim reports are planned again.
 */
@Component
public class RescheduleReports implements JavaDelegate {

  /** Timer activity → variable holding its report id → the date it fires at. */
  private static final Map<String, Timer> TIMERS = Map.of(
      "TimerEvent_InterimReminder", new Timer(VAR_REPORT_ID, ReportSchedule::reminderAt),
      "TimerEvent_InterimDue", new Timer(VAR_REPORT_ID, ReportSchedule::dueAt),
      "BoundaryEvent_InterimLate", new Timer(VAR_REPORT_ID, ReportSchedule::lateAt),
      "BoundaryEvent_RequestedLate", new Timer(VAR_REPORT_ID, ReportSchedule::lateAt),
      "BoundaryEvent_FinalReminder", new Timer(VAR_FINAL_REPORT_ID, ReportSchedule::reminderAt),
      "BoundaryEvent_FinalLate", new Timer(VAR_FINAL_REPORT_ID, ReportSchedule::lateAt));

  /** Where the interim-report subprocess waits for its report. */
  private static final List<String> AWAITING = List.of("TimerEvent_InterimReminder", "TimerEvent_InterimDue",
      GrantAgreementProcess.TASK_RECEIVE_INTERIM);

  private record Timer(String reportVariable, BiFunction<ReportSchedule, Object, Date> at) {}

  private final AgreementLifecycleService agreements;
  private final ReportSchedule schedule;
  private final ReportingService reporting;

  public RescheduleReports(AgreementLifecycleService agreements, ReportSchedule schedule, ReportingService reporting) {
    this.agreements = agreements;
    this.schedule = schedule;
    this.reporting = reporting;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long agreementId = AgreementExecution.agreementId(execution);
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    // the interim report whose receipt is under way stays awaited even when the new period ends before it
    Set<Long> awaited = new HashSet<>();
    for (String activity : AWAITING) {
      for (Execution e : runtime.createExecutionQuery().processInstanceId(execution.getProcessInstanceId())
          .activityId(activity).list()) {
        Object id = runtime.getVariable(e.getId(), VAR_REPORT_ID);
        if (id != null) {
          awaited.add(((Number) id).longValue());
        }
      }
    }
    agreements.rescheduleReports(agreementId, awaited);
    for (Job job : management.createJobQuery().processInstanceId(execution.getProcessInstanceId()).timers().list()) {
      String activityId = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
          .singleResult().getActivityId();
      Timer timer = TIMERS.get(activityId);
      if (timer == null) {
        continue;
      }
      Object reportId = runtime.getVariable(job.getExecutionId(), timer.reportVariable());
      if (reportId != null) {
        management.setJobDuedate(job.getId(), timer.at().apply(schedule, reportId));
      }
    }
    Object finalId = execution.getVariable(VAR_FINAL_REPORT_ID);
    if (finalId != null) {
      execution.setVariable(VAR_FINAL_REPORT_DUE_LABEL, AgreementDates.french(reporting.get((Number) finalId).getDueOn()));
    }
  }
}
