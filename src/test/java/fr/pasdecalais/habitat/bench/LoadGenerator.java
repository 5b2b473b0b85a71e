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
 * Drives lifecycles: a saturation phase (closed loop, {@code concurrency} lifecycles in flight,
 * warm-up then a measured window) and a half-load phase (open loop, new lifecycles started at half
 * the measured rate) for task completion latency. Counts lifecycles <em>ended</em> in the window and
 * the database's commits over the same window.
 */
public final class LoadGenerator {

  private LoadGenerator() {}

  public static Map<String, Object> run(Lifecycle lifecycle, BenchDatabase db, int concurrency, int warmupSeconds,
      int measureSeconds, int halfLoadSeconds) throws Exception {
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
    Recorder sat = new Recorder();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Thread t = new Thread(() -> {
        while (!stop.get()) {
          try {
            lifecycle.run(sat);
          } catch (InterruptedException e) {
            return;
          } catch (Throwable e) {
            sat.failed(e);
          }
        }
      }, "lifecycle-" + i);
      t.start();
      workers.add(t);
      Thread.sleep(1000L * ProductLifecycle.CLOSING_DELAY_SECONDS / concurrency); // stagger the starts
    }
    Thread.sleep(warmupSeconds * 1000L);
    db.resetStatements();
    long commits0 = db.commits();
    long probes0 = Waits.PROBES.get();
    long t0 = System.nanoTime();
    Thread.sleep(measureSeconds * 1000L);
    long t1 = System.nanoTime();
    long commits1 = db.commits();
    long probes1 = Waits.PROBES.get();
    out.put("topStatements", db.topStatements(12));
    stop.set(true);
    for (Thread t : workers) {
      t.join(Waits.TIMEOUT.toMillis());
    }
    long ended = sat.endedBetween(t0, t1);
    double perMinute = ended * 60e9 / (t1 - t0);
    out.put("concurrency", concurrency);
    out.put("measureSeconds", measureSeconds);
    out.put("lifecyclesEnded", ended);
    out.put("lifecyclesPerMinute", Stats.round(perMinute));
    out.put("tasksPerLifecycle", sat.endedCount() == 0 ? 0 : Stats.round((double) sat.tasks() / sat.endedCount()));
    out.put("commitsPerLifecycle", ended == 0 ? Double.NaN : Stats.round((double) (commits1 - commits0) / ended));
    out.put("driverProbesPerLifecycle", ended == 0 ? Double.NaN : Stats.round((double) (probes1 - probes0) / ended));
    out.put("commitsPerSecond", Stats.round((commits1 - commits0) * 1e9 / (t1 - t0)));
    out.put("completionAtSaturationMs", Stats.latency(sat.latenciesMs(t0, t1)));

    // half load: open loop at half the measured rate
    Recorder half = new Recorder();
    double perSecond = Math.max(0.05, perMinute / 60.0 / 2);
    long h0 = System.nanoTime();
    int started = openLoop(lifecycle, half, perSecond, halfLoadSeconds, () -> {});
    Map<String, Object> halfOut = new LinkedHashMap<>();
    halfOut.put("lifecyclesPerMinuteOffered", Stats.round(perSecond * 60));
    halfOut.put("lifecyclesStarted", started);
    halfOut.put("lifecyclesEnded", half.endedCount());
    halfOut.put("completionMs", Stats.latency(half.latenciesMs(h0, Long.MAX_VALUE)));
    out.put("halfLoad", halfOut);

    long total = sat.endedCount() + half.endedCount();
    out.put("lifecyclesEndedInAll", total);
    out.put("failures", sat.failedCount() + half.failedCount());
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
        try {
          lifecycle.run(recorder);
        } catch (Throwable e) {
          recorder.failed(e);
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
