package fr.pasdecalais.habitat.bench;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * {@code count} timers all due at the same instant T0 (an intermediate timer whose date is a
 * variable), created before T0 by two threads; from T0 the job executor drains them. Drain rate =
 * count / (last execution − T0); lateness of each = its execution (successful job log) − T0.
 */
public final class TimerDrain {

  static final String KEY = "bench-timer";

  private TimerDrain() {}

  public static Map<String, Object> run(ProcessEngine engine, int count) throws Exception {
    engine.getRepositoryService().createDeployment().name("bench-timer").enableDuplicateFiltering(true)
        .addModelInstance("bench-timer.bpmn", Bpmn.createExecutableProcess(KEY).name("Minuterie du banc d'essai")
            .camundaHistoryTimeToLive(180).startEvent("start").intermediateCatchEvent("due").timerWithDate("${due}")
            .endEvent("end").done())
        .deploy();
    // creation runs at well over 200 instances/s on idle cores; on a shared machine it may not, and timers due
    // while others are still being created measure the creation, not the drain: BENCH_TIMERS_MARGIN_MS_PER_TIMER
    long margin = 10_000 + count * Long.parseLong(BenchDatabase.env("BENCH_TIMERS_MARGIN_MS_PER_TIMER", "5"));
    Date due = new Date(System.currentTimeMillis() + margin);
    long creationStart = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicInteger created = new AtomicInteger();
    for (int t = 0; t < 2; t++) {
      pool.submit(() -> {
        while (created.incrementAndGet() <= count) {
          engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of("due", due));
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    double creationSeconds = (System.nanoTime() - creationStart) / 1e9;
    long createdBeforeDue = due.getTime() - System.currentTimeMillis();
    long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
    // CPU of the JVM, PostgreSQL and the machine from the due instant to the last timer's end
    long untilDue = due.getTime() - System.currentTimeMillis();
    if (untilDue > 0) {
      Thread.sleep(untilDue);
    }
    CpuMeter.Sample c0 = CpuMeter.sample();
    while (engine.getManagementService().createJobQuery().processDefinitionKey(KEY).count() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("minuteries non exécutées après 30 min");
      }
      Thread.sleep(500);
    }
    Map<String, Object> cpu = CpuMeter.between(c0, CpuMeter.sample());
    List<Double> lateness = new ArrayList<>();
    long last = 0;
    for (HistoricJobLog log : engine.getHistoryService().createHistoricJobLogQuery().processDefinitionKey(KEY)
        .successLog().list()) {
      long at = log.getTimestamp().getTime();
      last = Math.max(last, at);
      lateness.add((at - due.getTime()) / 1.0);
    }
    long failed = engine.getHistoryService().createHistoricJobLogQuery().processDefinitionKey(KEY).failureLog().count();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("timers", count);
    out.put("executed", lateness.size());
    out.put("failedAttempts", failed);
    out.put("creationSeconds", Stats.round(creationSeconds));
    out.put("allCreatedBeforeDue", createdBeforeDue > 0);
    double drainSeconds = (last - due.getTime()) / 1000.0;
    out.put("drainSeconds", Stats.round(drainSeconds));
    out.put("jobsPerSecond", Stats.round(lateness.size() / Math.max(drainSeconds, 0.001)));
    out.put("latenessMs", Stats.latency(lateness));
    out.put("cpu", cpu);
    return out;
  }
}
