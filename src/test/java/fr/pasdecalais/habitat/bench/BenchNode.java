package fr.pasdecalais.habitat.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * One arm of one round, in its own JVM (started by {@link BenchmarkRunner} with the same flags for
 * every arm): {@code lifecycle product|bare}, {@code timers product|bare}, {@code footprint}
 * (start-up, idle and soak memory of the product), {@code tasklist}. Writes its figures as JSON.
 *
 * <p>Options: --db NAME --result FILE [--concurrency N --warmup S --measure S --half S --ramp true|false
 * --max N --rampWarmup S --rampMeasure S --unloaded N]
 * [--timers N] [--port P --idle S --soak S --rate PER_MIN] [--tasks N --history N --repetitions N].
 */
public final class BenchNode {

  private BenchNode() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    String mode = args[0];
    String arm = args.length > 1 && !args[1].startsWith("--") ? args[1] : "product";
    BenchDatabase db = new BenchDatabase(o.get("db"));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("mode", mode);
    result.put("arm", arm);
    switch (mode) {
      case "lifecycle" -> {
        var plan = new LoadGenerator.Plan(Integer.parseInt(o.getOrDefault("concurrency", "32")),
            Boolean.parseBoolean(o.getOrDefault("ramp", "false")), Integer.parseInt(o.getOrDefault("max", "256")),
            Integer.parseInt(o.getOrDefault("rampWarmup", "10")), Integer.parseInt(o.getOrDefault("rampMeasure", "20")),
            Integer.parseInt(o.getOrDefault("unloaded", "3")), Integer.parseInt(o.getOrDefault("warmup", "15")),
            Integer.parseInt(o.getOrDefault("measure", "45")), Integer.parseInt(o.getOrDefault("half", "30")));
        if (arm.equals("bare")) {
          try (BareEngine bare = bareEngine(db)) {
            result.putAll(LoadGenerator.run(bare.lifecycle(), db, plan));
            result.put("incidents", bare.engine.getRuntimeService().createIncidentQuery().count());
          }
        } else {
          try (ProductNode node = ProductNode.start(db, Map.of(), true)) {
            result.putAll(LoadGenerator.run(new ProductLifecycle(node), db, plan));
            result.put("incidents", node.bean(ProcessEngine.class).getRuntimeService().createIncidentQuery().count());
            result.put("mailsSent", node.mailsReceived());
          }
        }
      }
      case "timers" -> {
        TaskPush.enabled = false; // the bare engine carries the driver's plugin: silent here, as the product has none
        int count = Integer.parseInt(o.getOrDefault("timers", "10000"));
        if (arm.equals("bare")) {
          try (BareEngine bare = bareEngine(db)) {
            result.putAll(TimerDrain.run(bare.engine, count));
          }
        } else {
          try (ProductNode node = ProductNode.start(db, Map.of())) {
            db.resetStatements();
            result.putAll(TimerDrain.run(node.bean(ProcessEngine.class), count));
            result.put("topStatements", db.topStatements(10));
          }
        }
      }
      case "footprint" -> footprint(db, o, result);
      case "tasklist" -> {
        try (ProductNode node = ProductNode.start(db, Map.of())) {
          result.put("copies", Integer.parseInt(o.getOrDefault("copies", "1")));
          result.put("load", TasklistPhase.load(node, Integer.parseInt(o.getOrDefault("tasks", "100000")),
              Long.parseLong(o.getOrDefault("history", "1000000")), Integer.parseInt(o.getOrDefault("copies", "1"))));
          result.put("vacuumAnalyzeSeconds", TasklistPhase.analyze(node));
          List<Object> rounds = new ArrayList<>();
          for (int i = 0; i < Integer.parseInt(o.getOrDefault("rounds", "3")); i++) {
            rounds.add(TasklistPhase.measure(node, Integer.parseInt(o.getOrDefault("repetitions", "200"))));
          }
          result.put("rounds", rounds);
        }
      }
      default -> throw new IllegalArgumentException("mode inconnu : " + mode);
    }
    write(result, o.get("result"));
    System.exit(0);
  }

  /** The product as started in production; the runner times it to health UP from outside. */
  private static void footprint(BenchDatabase db, Map<String, String> o, Map<String, Object> result) throws Exception {
    int port = Integer.parseInt(o.get("port"));
    int idle = Integer.parseInt(o.getOrDefault("idle", "30"));
    int soak = Integer.parseInt(o.getOrDefault("soak", "0"));
    double perMinute = Double.parseDouble(o.getOrDefault("rate", "60"));
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    try (ProductNode node = ProductNode.start(db, Map.of("server.port", port), soak > 0)) {
      result.put("contextReadySeconds", Stats.round((System.currentTimeMillis() - jvmStart) / 1000.0));
      Thread.sleep(idle * 1000L);
      System.gc();
      Thread.sleep(2000);
      result.put("rssIdleMiB", rssMiB());
      if (soak > 0) {
        ProductLifecycle lifecycle = new ProductLifecycle(node);
        Recorder r = new Recorder();
        List<Map<String, Object>> samples = new ArrayList<>();
        long s0 = System.nanoTime();
        long[] nextSample = {s0};
        LoadGenerator.openLoop(lifecycle, r, perMinute / 60.0, soak, () -> {
          if (System.nanoTime() >= nextSample[0]) {
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("second", Math.round((System.nanoTime() - s0) / 1e9));
            sample.put("rssMiB", rssMiB());
            sample.put("heapUsedMiB", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            sample.put("lifecyclesEnded", r.endedCount());
            samples.add(sample);
            nextSample[0] += 30_000_000_000L;
          }
        });
        System.gc();
        Thread.sleep(2000);
        result.put("soakSeconds", soak);
        result.put("soakLifecyclesPerMinuteOffered", perMinute);
        result.put("soakLifecyclesEnded", r.endedCount());
        result.put("soakFailures", r.failedCount());
        result.put("soakFailureSamples", r.failures());
        result.put("rssAfterSoakMiB", rssMiB());
        result.put("rssSamples", samples);
        result.put("completionMs", Stats.latency(r.latenciesMs(0, Long.MAX_VALUE)));
      }
    }
  }

  static BareEngine bareEngine(BenchDatabase db) {
    // the product's sizes: Hikari 20 (AAP_DB_POOL_SIZE), the starter's job executor (3/10/3, 3 per acquisition)
    return new BareEngine(db, Integer.parseInt(System.getProperty("bench.pool", "20")),
        Integer.getInteger("bench.jobCore", 3), Integer.getInteger("bench.jobMax", 10),
        Integer.getInteger("bench.jobQueue", 3), Integer.getInteger("bench.jobsPerAcquisition", 3));
  }

  /** Resident memory of this JVM (VmRSS), MiB. */
  static long rssMiB() {
    List<String> status;
    try {
      status = Files.readAllLines(Path.of("/proc/self/status"));
    } catch (java.io.IOException e) {
      return -1; // not Linux
    }
    for (String line : status) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].startsWith("--")) {
        o.put(args[i].substring(2), args[i + 1]);
      }
    }
    return o;
  }

  static void write(Map<String, Object> result, String file) throws Exception {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(new File(file), result);
  }
}
