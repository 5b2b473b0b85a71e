package fr.pasdecalais.habitat.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives lifecycles. First one lifecycle alone (warm-up), then a few alone, one after the other:
 * the unloaded latency {@code L}. Then, when asked ({@code ramp}), a ramp of the closed loop
 * (8, 16, 32… lifecycles in flight, each step warmed for max(L, rampWarmup) s then measured) until the
 * completed rate stops rising (&lt; +5 %) on a saturated machine (≥ 90 % of its cores busy); the
 * measured window runs at the best step's concurrency, or more when Little's law asks for it (in flight
 * ≥ 2 × rate × L), else at the given {@code concurrency}.
 * The window counts lifecycles <em>ended</em>, the database's commits, the driver's own reads (see
 * {@link TaskPush}) and the CPU of the JVM, of PostgreSQL and of the machine ({@link CpuMeter}). Then
 * a half-load phase (open loop at half the measured rate) for task completion latency.
 */
public final class LoadGenerator {

  /** How a lifecycle node is driven. */
  record Plan(int concurrency, boolean ramp, int maxConcurrency, int rampWarmupSeconds, int rampMeasureSeconds,
      int unloaded, int warmupSeconds, int measureSeconds, int halfLoadSeconds) {}

  private LoadGenerator() {}

  /** The closed loop's workers: each runs lifecycles one after the other until told to stop. */
  private static final class Workers {
    private final Lifecycle lifecycle;
    private final Recorder recorder;
    private final List<AtomicBoolean> stops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    Workers(Lifecycle lifecycle, Recorder recorder) {
      this.lifecycle = lifecycle;
      this.recorder = recorder;
    }

    /** Adds workers (starts spread over {@code spreadMillis}) or stops the last ones (after their lifecycle). */
    void resize(int n, long spreadMillis) throws InterruptedException {
      int added = n - threads.size();
      while (threads.size() < n) {
        AtomicBoolean stop = new AtomicBoolean();
        Thread t = new Thread(() -> {
          while (!stop.get()) {
            long started = System.nanoTime();
            try {
              lifecycle.run(recorder);
            } catch (InterruptedException e) {
              return;
            } catch (Throwable e) {
              recorder.failed(e, started);
            }
          }
        }, "lifecycle-" + threads.size());
        stops.add(stop);
        threads.add(t);
        t.start();
        Thread.sleep(Math.max(1, spreadMillis / Math.max(1, added)));
      }
      while (threads.size() > n) {
        stops.remove(stops.size() - 1).set(true);
        threads.remove(threads.size() - 1);
      }
    }

    void stopAll() throws InterruptedException {
      stops.forEach(s -> s.set(true));
      for (Thread t : threads) {
        t.join(Waits.TIMEOUT.toMillis());
      }
    }
  }

  public static Map<String, Object> run(Lifecycle lifecycle, BenchDatabase db, Plan plan) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    db.vacuumFull();
    long sizeBefore = db.sizeBytes();
    // one lifecycle alone first: class loading, JIT and caches warm before the concurrent load
    // (on a cold JVM the first call's creation can outlast its window: up to three attempts)
    for (int attempt = 1; ; attempt++) {
      try {
        lifecycle.run(new Recorder());
        break;
      } catch (IllegalStateException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
    // unloaded latency L: a few lifecycles alone, one after the other
    List<Double> alone = new ArrayList<>();
    for (int i = 0; i < plan.unloaded(); i++) {
      long a = System.nanoTime();
      lifecycle.run(new Recorder());
      alone.add((System.nanoTime() - a) / 1e9);
    }
    double latency = alone.isEmpty() ? ProductLifecycle.CLOSING_DELAY_SECONDS : MarkdownReport.median(alone);
    out.put("unloadedLatencySeconds", Stats.round(latency));
    out.put("unloadedLatenciesSeconds", alone.stream().map(Stats::round).toList());

    Recorder sat = new Recorder();
    Workers workers = new Workers(lifecycle, sat);
    int chosen = plan.concurrency();
    // when each ramp step began: a lifecycle that fails counts against the step it started in (one started
    // under an overloaded step can time out long after, during the measured window)
    List<Long> stepStarts = new ArrayList<>();
    List<Map<String, Object>> curve = new ArrayList<>();
    if (plan.ramp()) {
      double best = 0;
      int bestLevel = 8;
      double previous = 0;
      for (int level = 8; level <= plan.maxConcurrency(); level *= 2) {
        Map<String, Object> step = new LinkedHashMap<>();
        stepStarts.add(System.nanoTime());
        workers.resize(level, 2000);
        // into steady state: at least one lifecycle's latency under this load (the previous step's N / X, at least 1.5 L)
        double loaded = previous > 0 ? (level / 2.0) * 60 / previous : 0;
        long warm = Math.min(30, Math.max(plan.rampWarmupSeconds(), (long) Math.ceil(Math.max(1.5 * latency, loaded))));
        step.put("warmupSeconds", warm);
        Thread.sleep(1000L * warm);
        CpuMeter.Sample c0 = CpuMeter.sample();
        long t0 = System.nanoTime();
        Thread.sleep(plan.rampMeasureSeconds() * 1000L);
        long t1 = System.nanoTime();
        CpuMeter.Sample c1 = CpuMeter.sample();
        double ended = sat.endedBetween(t0, t1) * 60e9 / (t1 - t0);
        // a step's window is shorter than a few lifecycles: the ramp decides on task completions (19 per
        // lifecycle in both arms) converted to lifecycles, a smoother measure of the same work
        double perLifecycle = sat.endedCount() == 0 ? 19 : Math.max(1, (double) sat.tasks() / Math.max(1, sat.endedCount()));
        double rate = sat.latenciesMs(t0, t1).size() * 60e9 / (t1 - t0) / perLifecycle;
        step.put("concurrency", level);
        step.put("lifecyclesPerMinute", Stats.round(rate));
        step.put("lifecyclesEndedPerMinute", Stats.round(ended));
        step.put("completionMs", Stats.latency(sat.latenciesMs(t0, t1)));
        Map<String, Object> cpu = CpuMeter.between(c0, c1);
        step.put("cpu", cpu);
        curve.add(step);
        log("rampe : " + level + " en vol → " + Stats.round(rate) + " cycles/min, " + cpu);
        if (rate > best) {
          best = rate;
          bestLevel = level;
        }
        // the rate stopped rising: the end of the ramp only on a busy machine (a step of 30 s is short, and a
        // lower rate with idle cores is the noise of a step or lifecycles waiting, not the engine's limit)
        Object busy = cpu.get("machineBusyPercent");
        boolean saturated = !(busy instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() >= 90;
        step.put("machineSaturated", saturated);
        if (level > 8 && rate < previous * 1.05 && saturated) {
          break;
        }
        previous = rate;
      }
      int little = (int) Math.ceil(2 * best / 60.0 * latency);
      chosen = Math.min(plan.maxConcurrency(), Math.max(bestLevel, little));
      out.put("ramp", curve);
      out.put("rampBestLevel", bestLevel);
      out.put("rampBestLifecyclesPerMinute", Stats.round(best));
      out.put("littleConcurrencyAtBest", little);
      out.put("concurrencyChosenBy", "rampe : max(meilleur palier " + bestLevel + ", 2 × débit × L = " + little + ")");
    } else {
      out.put("concurrencyChosenBy", "imposée (" + chosen + ")");
    }
    long windowStart = System.nanoTime();
    workers.resize(chosen, 1000L * ProductLifecycle.CLOSING_DELAY_SECONDS); // staggered starts
    Thread.sleep(plan.warmupSeconds() * 1000L);
    db.resetStatements();
    long commits0 = db.commits();
    long reads0 = TaskPush.DRIVER_READS.get();
    long forms0 = TaskPush.FORM_READS.get();
    long missed0 = TaskPush.MISSED_PUSHES.get();
    long checks0 = TaskPush.VERIFICATIONS.get();
    long pushed0 = TaskPush.PUSHED.get();
    CpuMeter.Sample c0 = CpuMeter.sample();
    long t0 = System.nanoTime();
    Thread.sleep(plan.measureSeconds() * 1000L);
    long t1 = System.nanoTime();
    CpuMeter.Sample c1 = CpuMeter.sample();
    long commits1 = db.commits();
    long reads = TaskPush.DRIVER_READS.get() - reads0;
    long forms = TaskPush.FORM_READS.get() - forms0;
    long missed = TaskPush.MISSED_PUSHES.get() - missed0;
    long checks = TaskPush.VERIFICATIONS.get() - checks0;
    long pushed = TaskPush.PUSHED.get() - pushed0;
    out.put("topStatements", db.topStatements(12));
    Map<String, Object> statements = db.statementTotals();
    workers.stopAll();
    long ended = sat.endedBetween(t0, t1);
    // the rate is the work done in the window: its task completions over the tasks of a lifecycle (19 in both
    // arms). Lifecycles ended in the window count it in whole lifecycles: with a window about as long as a
    // loaded lifecycle, lifecycles started together end together, and a window held 0 or 64 of them
    double perLifecycle = sat.endedCount() == 0 ? 19 : Math.max(1, (double) sat.tasks() / sat.endedCount());
    double done = sat.latenciesMs(t0, t1).size() / perLifecycle;
    double perMinute = done * 60e9 / (t1 - t0);
    out.put("concurrency", chosen);
    out.put("measureSeconds", plan.measureSeconds());
    out.put("lifecyclesEnded", ended);
    out.put("lifecyclesEndedPerMinute", Stats.round(ended * 60e9 / (t1 - t0)));
    out.put("lifecyclesPerMinute", Stats.round(perMinute));
    Map<String, Object> windowCpu = CpuMeter.between(c0, c1);
    out.put("cpu", windowCpu);
    // Little's law: in flight = rate × latency, so the latency under load is N / X
    out.put("loadedLatencySeconds", perMinute == 0 ? Double.NaN : Stats.round(chosen / (perMinute / 60)));
    out.put("littleConcurrency", Stats.round(2 * perMinute / 60 * latency));
    out.put("tasksPerLifecycle", sat.endedCount() == 0 ? 0 : Stats.round((double) sat.tasks() / sat.endedCount()));
    out.put("commitsPerLifecycle", done == 0 ? Double.NaN : Stats.round((double) (commits1 - commits0) / done));
    out.put("driverReadsPerLifecycle", done == 0 ? Double.NaN : Stats.round((double) reads / done));
    out.put("missedPushesPerLifecycle", done == 0 ? Double.NaN : Stats.round((double) missed / done));
    out.put("pushedTasksNotTaken", TaskPush.pendingTasks());
    out.put("formReadsPerLifecycle", done == 0 ? Double.NaN : Stats.round((double) forms / done));
    out.put("verificationsPerLifecycle", done == 0 ? Double.NaN : Stats.round((double) checks / done));
    out.put("pushedPerLifecycle", done == 0 ? Double.NaN : Stats.round((double) pushed / done));
    if (!statements.isEmpty() && done > 0) {
      // where PostgreSQL's CPU goes: executing statements, or the rest (protocol, parse and bind, commits and
      // their WAL, autovacuum). The execution time counts a backend waiting for a core too: an upper bound.
      double execMs = ((Number) statements.get("execMs")).doubleValue();
      statements.put("perLifecycle", Stats.round(((Number) statements.get("calls")).doubleValue() / done));
      statements.put("fkChecksPerLifecycle", Stats.round(((Number) statements.get("fkChecks")).doubleValue() / done));
      statements.put("execMsPerLifecycle", Stats.round(execMs / done));
      if (windowCpu.get("postgresCores") instanceof Number pg && pg.doubleValue() > 0) {
        double pgCpuMs = pg.doubleValue() * (t1 - t0) / 1e6;
        statements.put("execShareOfPostgresCpuPercent", Stats.round(100 * execMs / pgCpuMs));
      }
    }
    out.put("statements", statements);
    out.put("commitsPerSecond", Stats.round((commits1 - commits0) * 1e9 / (t1 - t0)));
    out.put("completionAtSaturationMs", Stats.latency(sat.latenciesMs(t0, t1)));

    // half load: open loop at half the measured rate
    Recorder half = new Recorder();
    double perSecond = Math.max(0.05, perMinute / 60.0 / 2);
    long h0 = System.nanoTime();
    int started = openLoop(lifecycle, half, perSecond, plan.halfLoadSeconds(), () -> {});
    Map<String, Object> halfOut = new LinkedHashMap<>();
    halfOut.put("lifecyclesPerMinuteOffered", Stats.round(perSecond * 60));
    halfOut.put("lifecyclesStarted", started);
    halfOut.put("lifecyclesEnded", half.endedCount());
    halfOut.put("completionMs", Stats.latency(half.latenciesMs(h0, Long.MAX_VALUE)));
    out.put("halfLoad", halfOut);

    long total = sat.endedCount() + half.endedCount() + 1 + alone.size();
    out.put("lifecyclesEndedInAll", total);
    for (int i = 0; i < curve.size(); i++) {
      long to = i + 1 < stepStarts.size() ? stepStarts.get(i + 1) : windowStart;
      curve.get(i).put("failures", sat.failedStartedBetween(stepStarts.get(i), to));
    }
    // the window's failures: lifecycles started at the chosen concurrency or in the half-load phase; those
    // started during the ramp are in its steps' rows
    out.put("failures", sat.failedStartedBetween(windowStart, Long.MAX_VALUE) + half.failedCount());
    out.put("failuresOfRampLifecycles", sat.failedStartedBetween(Long.MIN_VALUE, windowStart));
    List<String> why = new ArrayList<>(sat.failures());
    why.addAll(half.failures());
    out.put("failureSamples", why);
    // growth as it happened (dead rows included), then compacted (live rows and their indexes only)
    out.put("bytesPerLifecycle", total == 0 ? Double.NaN : Stats.round((double) (db.sizeBytes() - sizeBefore) / total));
    db.vacuumFull();
    out.put("bytesPerLifecycleCompacted", total == 0 ? Double.NaN : Stats.round((double) (db.sizeBytes() - sizeBefore) / total));
    out.put("largestTables", db.largestTables(8));
    return out;
  }

  private static void log(String message) {
    System.out.println(java.time.LocalTime.now().withNano(0) + " " + message);
  }

  /**
   * Open loop: starts a lifecycle every 1/{@code perSecond} s for {@code seconds}, whatever the
   * previous ones are doing, calls {@code tick} between starts, then waits for those in flight.
   */
  static int openLoop(Lifecycle lifecycle, Recorder recorder, double perSecond, int seconds, Runnable tick)
      throws InterruptedException {
    long periodNanos = (long) (1e9 / perSecond);
    ExecutorService pool = Executors.newCachedThreadPool();
    long t0 = System.nanoTime();
    long next = t0;
    int started = 0;
    while (System.nanoTime() - t0 < seconds * 1_000_000_000L) {
      tick.run();
      pool.submit(() -> {
        long begun = System.nanoTime();
        try {
          lifecycle.run(recorder);
        } catch (Throwable e) {
          recorder.failed(e, begun);
        }
      });
      started++;
      next += periodNanos;
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        TimeUnit.NANOSECONDS.sleep(sleep);
      }
    }
    pool.shutdown();
    pool.awaitTermination(Waits.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return started;
  }
}
