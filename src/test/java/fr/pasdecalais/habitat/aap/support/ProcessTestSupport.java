package fr.pasdecalais.habitat.aap.support;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

/** Helpers for scenario tests: the engine clock in Paris time, and job execution by hand. */
public final class ProcessTestSupport {

  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private ProcessTestSupport() {}

  /** Binds camunda-bpm-assert to the Spring-managed engine. */
  public static void init(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
  }

  /** Sets the engine clock, e.g. {@code clock("2023-02-03T23:59:59")} in Paris time. */
  public static void clock(String parisLocalDateTime) {
    ClockUtil.setCurrentTime(Date.from(java.time.LocalDateTime.parse(parisLocalDateTime).atZone(PARIS).toInstant()));
  }

  public static void clock(ZonedDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
  }

  /** The engine clock as an instant. */
  public static java.time.Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static void resetClock() {
    ClockUtil.reset();
  }

  /**
   * Executes every job that is due at the engine clock, repeatedly, until none is left (jobs
   * created by jobs included). Fails after 200 rounds, which means a loop in the model.
   */
  public static int executeDueJobs(ProcessEngine engine) {
    ManagementService management = engine.getManagementService();
    int executed = 0;
    for (int round = 0; round < 200; round++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return executed;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
        executed++;
      }
    }
    throw new AssertionError("Jobs keep being created: a loop in a model?");
  }

  /**
   * The selection ({@code call-selection}) a call instance is waiting in: the instance its call
   * activity "Sélectionner et décider l'appel" (or a lot's) called. Fails when there is none or several.
   */
  public static ProcessInstance selection(ProcessEngine engine, ProcessInstance callPi) {
    ProcessInstance called = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(callPi.getId()).singleResult();
    if (called == null) {
      throw new AssertionError("L'appel " + callPi.getBusinessKey() + " n'attend aucune sélection");
    }
    return called;
  }

  /** Where the call's current step is: its selection while one runs, otherwise the call itself. */
  public static ProcessInstance current(ProcessEngine engine, ProcessInstance callPi) {
    ProcessInstance called = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(callPi.getId()).singleResult();
    return called != null ? called : callPi;
  }

  /** The activities the call's selections (ended or running) went through. */
  public static List<String> selectionActivities(ProcessEngine engine, ProcessInstance callPi) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(callPi.getId())
        .list().stream()
        .flatMap(h -> engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(h.getId())
            .list().stream())
        .map(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId).toList();
  }
}
