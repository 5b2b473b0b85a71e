package fr.pasdecalais.habitat.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: rounds of the three arms interleaved (C_db pgbench, bare engine, product — each
 * arm of each round in a fresh JVM with the same flags and on its own fresh database), then the
 * timer drain (product and bare interleaved), the Tasklist query at volume, start-up and the soak.
 * Writes {@code report.json} and {@code report.md} (French) into {@code --out}. Run by {@code bench/run.sh}.
 */
public final class BenchmarkRunner {

  private final Path out;
  private final Path logs;
  private final boolean quick;
  private final String classpath = System.getenv("BENCH_CLASSPATH");
  private final List<String> jvmOptions = Arrays.asList(BenchDatabase.env("BENCH_JVM_OPTS", "-Xmx768m").trim().split("\\s+"));
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Map<String, Object> report = new LinkedHashMap<>();

  private BenchmarkRunner(Path out, boolean quick) throws Exception {
    this.out = out;
    this.logs = Files.createDirectories(out.resolve("logs"));
    this.quick = quick;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = BenchNode.options(args);
    boolean quick = Arrays.asList(args).contains("--quick");
    new BenchmarkRunner(Path.of(o.getOrDefault("out", "target/benchmark")), quick).run(o);
    System.exit(0);
  }

  /** The phases, in the order of a full run; {@code --only PHASE} runs one of them into the existing report. */
  static final List<String> PHASES = List.of("lifecycle", "timers", "tasklist", "startup", "soak");

  @SuppressWarnings("unchecked")
  private void run(Map<String, String> o) throws Exception {
    String only = o.get("only");
    if ("timers-product".equals(only)) {
      rerunProductTimers(Integer.parseInt(o.getOrDefault("rounds", "2")), quick ? 2000 : 10_000);
      return;
    }
    if (only != null && !PHASES.contains(only)) {
      throw new IllegalArgumentException("--only : une de " + PHASES + " (ou timers-product), pas « " + only + " »");
    }
    if (only != null && Files.exists(out.resolve("report.json"))) {
      report.putAll(json.readValue(out.resolve("report.json").toFile(), Map.class)); // the other phases stay as they were
    }
    int rounds = Integer.parseInt(o.getOrDefault("rounds", quick ? "1" : "3"));
    report.put("started", OffsetDateTime.now().toString());
    report.put("mode", (quick ? "rapide (--quick)" : "complet") + (only == null ? "" : ", phase " + only + " seule"));
    report.put("machine", Machine.describe());
    report.put("jvmOptions", String.join(" ", jvmOptions));
    report.put("rounds", rounds);
    if (only == null || only.equals("lifecycle")) {
      lifecycles(o, rounds);
    }
    if (only == null || only.equals("timers")) {
      timers(rounds);
    }
    if (only == null || only.equals("tasklist")) {
      log("requête Tasklist en volume");
      report.put("tasklist", node("tasklist", "bench_tasklist", "tasklist", "product",
          "--tasks", o.getOrDefault("tasks", quick ? "10000" : "100000"),
          "--history", o.getOrDefault("history", quick ? "100000" : "1000000"),
          "--copies", o.getOrDefault("copies", "50"), "--rounds", "" + rounds, "--repetitions", quick ? "10" : "30"));
      save();
    }
    if (only == null || only.equals("startup")) {
      List<Object> startups = new ArrayList<>();
      report.put("startup", startups);
      new BenchDatabase("bench_footprint").recreate();
      for (int r = 1; r <= Math.min(rounds + 1, 3); r++) {
        log("démarrage " + r + (r == 1 ? " (base vide)" : " (base existante)"));
        startups.add(startup("startup-" + r));
      }
      save();
    }
    if (only == null || only.equals("soak")) {
      int soak = Integer.parseInt(o.getOrDefault("soak", quick ? "60" : "300"));
      double measured = report.get("product") instanceof List<?> l ? median((List<Object>) l, "lifecyclesPerMinute") : 0;
      double rate = measured > 0 ? measured / 2 : 30;
      log("endurance " + soak + " s à " + Math.round(rate) + " cycles/min");
      if (only != null) {
        new BenchDatabase("bench_footprint").recreate();
      }
      report.put("soak", footprint("soak", 30, soak, Math.max(1, rate)));
    }
    report.put("finished", OffsetDateTime.now().toString());
    save();
    Files.writeString(out.resolve("report.md"), new MarkdownReport(report).render());
    log("rapport : " + out.resolve("report.md"));
  }

  /**
   * Rounds of the three arms interleaved. Round 1 ramps each engine arm (the curve, the concurrency
   * chosen from it and from Little's law); rounds 2.. reuse that arm's chosen concurrency.
   */
  private void lifecycles(Map<String, String> o, int rounds) throws Exception {
    // under load at the measured concurrency before each window, so that every round measures a steady node: rounds
    // 2.. start a fresh JVM whose product code (Spring, Hibernate, the engine) the JIT is still compiling on the same
    // 2 cores, while round 1's window comes after three minutes of ramp (2026-12-02: 20 s gave 63 / 54 / 46
    // lifecycles per minute for rounds 1 / 2 / 3, 120 s gave 56,5 and 63,2 — docs/benchmark/2026-12-02.md)
    String warmup = quick ? "15" : "120";
    String measure = quick ? "20" : "60";
    String half = quick ? "15" : "25";
    String rampWarmup = quick ? "8" : "10";
    // a step is measured over about two lifecycles of the product under load (17 s at 64 in flight): a
    // 15-s window, shorter than one lifecycle, measured 16 in flight below 8 and stopped the ramp early
    String rampMeasure = quick ? "10" : "30";
    String max = o.getOrDefault("max", quick ? "32" : "256");
    String unloaded = quick ? "2" : "3";
    int pgbenchSeconds = quick ? 10 : 20;
    String fixed = o.get("concurrency"); // imposed: no ramp
    report.put("concurrency", fixed == null ? "rampe (manche 1), reprise aux manches suivantes" : fixed);
    PgBench pgbench = new PgBench(BenchDatabase.env("BENCH_PGBENCH", "pgbench"), new BenchDatabase("bench_pgbench"), logs);
    pgbench.init();
    List<Object> dbRounds = new ArrayList<>();
    List<Object> bareRounds = new ArrayList<>();
    List<Object> productRounds = new ArrayList<>();
    report.put("cdb", dbRounds);
    report.put("bare", bareRounds);
    report.put("product", productRounds);
    Map<String, String> chosen = new LinkedHashMap<>();
    for (int r = 1; r <= rounds; r++) {
      log("manche " + r + "/" + rounds + " : C_db (pgbench)");
      CpuMeter.Sample c0 = CpuMeter.sample();
      Map<String, Object> db = pgbench.round(pgbenchSeconds, r);
      db.put("cpu", CpuMeter.between(c0, CpuMeter.sample()));
      dbRounds.add(db);
      for (String arm : List.of("bare", "product")) {
        log("manche " + r + "/" + rounds + " : " + (arm.equals("bare") ? "moteur nu" : "produit"));
        List<String> args = new ArrayList<>(List.of("lifecycle", arm, "--warmup", warmup, "--measure", measure, "--half", half,
            "--unloaded", r == 1 ? unloaded : "2", "--max", max, "--rampWarmup", rampWarmup, "--rampMeasure", rampMeasure));
        String c = fixed != null ? fixed : chosen.get(arm);
        if (c == null) {
          args.addAll(List.of("--ramp", "true"));
        } else {
          args.addAll(List.of("--concurrency", c));
        }
        Map<String, Object> result = node(arm + "-" + r, arm.equals("bare") ? "bench_bare" : "bench_product",
            args.toArray(String[]::new));
        if (c == null && result.get("concurrency") instanceof Number n) {
          chosen.put(arm, "" + n.intValue());
        }
        (arm.equals("bare") ? bareRounds : productRounds).add(result);
        log("  " + result.get("lifecyclesPerMinute") + " cycles/min à " + result.get("concurrency") + " en vol, CPU "
            + result.get("cpu") + ", lectures du pilote par cycle " + result.get("driverReadsPerLifecycle"));
        save();
      }
    }
    report.put("chosenConcurrency", chosen);
  }

  private void timers(int rounds) throws Exception {
    int timers = quick ? 2000 : 10_000;
    List<Object> timerProduct = new ArrayList<>();
    List<Object> timerBare = new ArrayList<>();
    report.put("timersProduct", timerProduct);
    report.put("timersBare", timerBare);
    for (int r = 1; r <= Math.min(rounds, 2); r++) {
      // the bare engine's drain is the stable reference: once; the product's twice
      log("minuteries, manche " + r + " : " + (r == 1 ? "moteur nu puis " : "") + "produit");
      if (r == 1) {
        timerBare.add(node("timers-bare-" + r, "bench_timers_bare", "timers", "bare", "--timers", "" + timers));
      }
      timerProduct.add(node("timers-product-" + r, "bench_timers", "timers", "product", "--timers", "" + timers));
      save();
    }
  }

  /** Runs the product's timer rounds again into an existing report.json, then renders report.md again. */
  @SuppressWarnings("unchecked")
  private void rerunProductTimers(int rounds, int timers) throws Exception {
    report.putAll(json.readValue(out.resolve("report.json").toFile(), Map.class));
    List<Object> timerProduct = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      log("minuteries du produit, manche " + r + " (reprise)");
      timerProduct.add(node("timers-product-" + r, "bench_timers", "timers", "product", "--timers", "" + timers));
    }
    report.put("timersProduct", timerProduct);
    report.put("timersProductRerun", OffsetDateTime.now().toString());
    save();
    Files.writeString(out.resolve("report.md"), new MarkdownReport(report).render());
    log("rapport : " + out.resolve("report.md"));
  }

  /** One arm of one round in its own JVM, on a fresh database. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> node(String name, String database, String... args) throws Exception {
    new BenchDatabase(database).recreate();
    Path result = out.resolve(name + ".json");
    Files.deleteIfExists(result);
    List<String> command = command(args);
    command.addAll(List.of("--db", database, "--result", result.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile()).start();
    int code = p.waitFor();
    if (code != 0 || !Files.exists(result)) {
      Map<String, Object> failed = new LinkedHashMap<>();
      failed.put("error", "le nœud " + name + " a échoué (code " + code + "), voir logs/" + name + ".log");
      return failed;
    }
    return json.readValue(result.toFile(), Map.class);
  }

  /** The product started as in production; time to health UP measured from outside, from the process start. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> footprint(String name, int idle, int soak, double rate) throws Exception {
    int port = ProductNode.freePort();
    Path result = out.resolve(name + ".json");
    Files.deleteIfExists(result);
    List<String> command = command("footprint", "product", "--port", "" + port, "--idle", "" + idle, "--soak", "" + soak,
        "--rate", "" + rate);
    command.addAll(List.of("--db", "bench_footprint", "--result", result.toString()));
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile()).start();
    Double ready = awaitHealthUp(p, port, start);
    int code = p.waitFor();
    Map<String, Object> r = Files.exists(result) ? json.readValue(result.toFile(), Map.class) : new LinkedHashMap<>();
    r.put("readySeconds", ready == null ? Double.NaN : Stats.round(ready));
    if (code != 0) {
      r.put("error", "code " + code + ", voir logs/" + name + ".log");
    }
    return r;
  }

  /**
   * Start-up as production runs it (README, docker/Dockerfile): the extracted jar with its Class Data Sharing
   * archive made by bin/cds-archive.sh ({@code BENCH_APP_DIR}, default target/app), profile postgres, a mail
   * server of its own. Time from the process start to health UP, the process's CPU time then (/proc), its
   * resident memory 5 s later; then stopped (SIGTERM).
   */
  private Map<String, Object> startup(String name) throws Exception {
    Path app = Path.of(BenchDatabase.env("BENCH_APP_DIR", "target/app")).toAbsolutePath();
    BenchDatabase db = new BenchDatabase("bench_footprint");
    int port = ProductNode.freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(ProductNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    boolean cds = Files.exists(app.resolve("app.jsa"));
    if (cds) {
      command.add("-XX:SharedArchiveFile=" + app.resolve("app.jsa"));
    }
    command.addAll(List.of("-jar", app.resolve("appels-a-projets.jar").toString(), "--spring.profiles.active=postgres",
        "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user,
        "--spring.datasource.password=" + db.password, "--aap.admin.user=" + ProductNode.ADMIN,
        "--aap.admin.password=" + ProductNode.ADMIN_PASSWORD, "--server.port=" + port, "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtp.getSmtp().getPort(), "--logging.level.root=warn", "--logging.level.fr.pasdecalais=warn",
        "--spring.main.banner-mode=off"));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("how", (cds ? "java -XX:SharedArchiveFile=app.jsa" : "java (archive CDS absente)") + " -jar appels-a-projets.jar, profil postgres");
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile()).start();
    try {
      Double ready = awaitHealthUp(p, port, start);
      r.put("readySeconds", ready == null ? Double.NaN : Stats.round(ready));
      if (ready == null) {
        r.put("error", "santé non UP en 180 s, voir logs/" + name + ".log");
      } else {
        r.put("cpuSecondsAtReady", Stats.round(cpuSeconds(p.pid())));
        Thread.sleep(5000);
        r.put("rssIdleMiB", rssMiB(p.pid()));
      }
    } finally {
      p.destroy();
      if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
      smtp.stop();
    }
    return r;
  }

  /** Seconds from {@code start} (nanoTime) to the node's health UP, polled every 100 ms; null if not within 180 s. */
  private static Double awaitHealthUp(Process p, int port, long start) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    while (p.isAlive() && System.nanoTime() - start < 180e9) {
      try {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() == 200 && res.body().contains("\"UP\"")) {
          return (System.nanoTime() - start) / 1e9;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    return null;
  }

  /** utime + stime of a process, seconds (/proc/PID/stat, fields 14 and 15, in clock ticks of 1/100 s). */
  static double cpuSeconds(long pid) throws java.io.IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  static long rssMiB(long pid) throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  private List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath, BenchNode.class.getName()));
    command.addAll(Arrays.asList(args));
    return command;
  }

  private void save() throws Exception {
    json.writeValue(out.resolve("report.json").toFile(), report);
  }

  static double median(List<Object> rounds, String key) {
    List<Double> values = MarkdownReport.values(rounds, key);
    return values.isEmpty() ? 0 : MarkdownReport.median(values);
  }

  private static void log(String message) {
    System.out.println(OffsetDateTime.now().toLocalTime().withNano(0) + " " + message);
  }
}
