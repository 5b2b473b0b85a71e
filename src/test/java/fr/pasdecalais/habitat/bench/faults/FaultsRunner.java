package fr.pasdecalais.habitat.bench.faults;

import com.fasterxml.jackson.databind.SerializationFeature;
import fr.pasdecalais.habitat.bench.BenchDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * The fault harness (issue 14): scenario 1 crash and restart, scenario 2 two nodes on one database
 * with a burst of timers and a node killed, scenario 3 database faults. Writes report.md and
 * report.json; exits 1 when an invariant fails. Run by {@code bench/faults.sh}.
 */
public final class FaultsRunner {

  static final String TIMER_KEY = "bench-timer";
  /** The tiny pool of scenario 3: 2 cannot start (the start-up advisory lock holds one connection throughout). */
  static final int TINY_POOL = 4;
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final Map<String, String> opts = new LinkedHashMap<>();
  private final Path out;
  private final Path jar;
  private final Random random;
  private final Map<String, Object> report = new LinkedHashMap<>();
  private final List<Map<String, Object>> scenarios = new ArrayList<>();
  private final Mailbox mailbox = new Mailbox();
  private final List<Node> started = Collections.synchronizedList(new ArrayList<>());
  private boolean allPassed = true;
  private long seq = 1000;

  private FaultsRunner(String[] args) {
    boolean quick = false;
    Path o = Path.of("target/faults");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--out" -> o = Path.of(args[++i]);
        default -> {
          if (args[i].startsWith("--") && i + 1 < args.length) {
            opts.put(args[i].substring(2), args[++i]);
          } else {
            throw new IllegalArgumentException("option inconnue : " + args[i]);
          }
        }
      }
    }
    opts.putIfAbsent("lifecycles", quick ? "20" : "200");
    opts.putIfAbsent("lifecycles2", quick ? "100" : "1000");
    opts.putIfAbsent("timers", quick ? "1000" : "10000");
    opts.putIfAbsent("cap", quick ? "10" : "40");
    opts.putIfAbsent("seed", "20261130");
    opts.putIfAbsent("scenarios", "1,2,3");
    opts.putIfAbsent("kill-min", "20");
    opts.putIfAbsent("kill-max", "60");
    opts.putIfAbsent("closing-seconds", "120");
    opts.putIfAbsent("closing-seconds2", "20");
    opts.put("quick", String.valueOf(quick));
    this.out = o;
    this.jar = Path.of(System.getenv().getOrDefault("FAULTS_JAR", "target/appels-a-projets-0.1.0-SNAPSHOT.jar"));
    this.random = new Random(Long.parseLong(opts.get("seed")));
  }

  public static void main(String[] args) throws Exception {
    FaultsRunner r = new FaultsRunner(args);
    // stopped by a signal: no node JVM left behind
    Runtime.getRuntime().addShutdownHook(new Thread(() -> r.started.forEach(Node::killQuietly)));
    int code;
    try {
      code = r.run();
    } finally {
      r.cleanUp();
    }
    System.exit(code);
  }

  private int run() throws Exception {
    Files.createDirectories(out.resolve("logs"));
    try (var old = Files.list(out.resolve("logs"))) {
      for (Path p : old.toList()) {
        Files.delete(p);
      }
    }
    report.put("command", "bash bench/faults.sh " + String.join(" ", optsAsArgs()));
    report.put("startedAt", OffsetDateTime.now(PARIS).toString());
    report.put("machine", machine());
    report.put("parameters", opts);
    report.put("scenarios", scenarios);
    for (String s : opts.get("scenarios").split(",")) {
      Map<String, Object> sc = new LinkedHashMap<>();
      scenarios.add(sc);
      long t0 = System.nanoTime();
      try {
        switch (s.trim()) {
          case "1" -> crashAndRestart(sc);
          case "2" -> twoNodes(sc);
          case "3" -> databaseFaults(sc);
          default -> throw new IllegalArgumentException("scénario inconnu " + s);
        }
      } catch (Exception e) {
        e.printStackTrace();
        sc.put("error", e.toString());
        allPassed = false;
      } finally {
        stopAll();
        sc.put("seconds", Math.round((System.nanoTime() - t0) / 1e9));
      }
      write();
    }
    report.put("endedAt", OffsetDateTime.now(PARIS).toString());
    report.put("allInvariantsPassed", allPassed);
    write();
    System.out.println("Rapport : " + out.resolve("report.md") + (allPassed ? " — tous les invariants PASS"
        : " — au moins un invariant FAIL"));
    return allPassed ? 0 : 1;
  }

  private List<String> optsAsArgs() {
    List<String> a = new ArrayList<>();
    opts.forEach((k, v) -> {
      if (!k.equals("quick")) {
        a.add("--" + k);
        a.add(v);
      }
    });
    if (Boolean.parseBoolean(opts.get("quick"))) {
      a.add(0, "--quick");
    }
    return a;
  }

  // ---------------------------------------------------------------- scenario 1

  private void crashAndRestart(Map<String, Object> sc) throws Exception {
    sc.put("name", "1. Arrêt brutal et redémarrage (kill -9)");
    int n = Integer.parseInt(opts.get("lifecycles"));
    Db db = new Db(new BenchDatabase("faults_crash").recreate());
    mailbox.reset();
    Api api = new Api();
    Node node = node("crash-a", db, Map.of());
    sc.put("firstStartSeconds", round(node.start()));
    api.nodes.add(node);
    users(api);
    List<Map<String, Object>> kills = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean done = new AtomicBoolean();
    int killMin = Integer.parseInt(opts.get("kill-min"));
    int killMax = Integer.parseInt(opts.get("kill-max"));
    Thread killer = new Thread(() -> {
      try {
        while (!done.get()) {
          long wait = (killMin + random.nextInt(killMax - killMin + 1)) * 1000L;
          long until = System.currentTimeMillis() + wait;
          while (System.currentTimeMillis() < until && !done.get()) {
            Thread.sleep(200);
          }
          if (done.get()) {
            break;
          }
          Map<String, Object> k = new LinkedHashMap<>();
          k.put("at", OffsetDateTime.now(PARIS).toString());
          k.put("afterSeconds", wait / 1000);
          k.put("pid", node.kill());
          k.put("pendingJobsAtKill", db.count("select count(*) from act_ru_job where lock_exp_time_ is not null"));
          log("kill -9 du nœud (pid " + k.get("pid") + ") après " + wait / 1000 + " s");
          double up = node.start();
          k.put("secondsToHealthUp", round(up));
          log("nœud redémarré, santé UP en " + round(up) + " s");
          kills.add(k);
        }
      } catch (Exception e) {
        kills.add(Map.of("error", e.toString()));
      }
    }, "killer");
    killer.start();
    long t0 = System.nanoTime();
    List<HttpLifecycle> ls = drive(api, db, "AAP-F1", 0, n, Integer.parseInt(opts.get("closing-seconds")));
    double driveSeconds = (System.nanoTime() - t0) / 1e9;
    done.set(true);
    killer.join();
    if (!node.up) {
      node.start();
    }
    double quiet = quiet(db);
    sc.put("lifecycleSeconds", round(driveSeconds));
    sc.put("quietAfterSeconds", round(quiet));
    sc.put("kills", kills.size());
    sc.put("restarts", kills.stream().filter(k -> k.containsKey("secondsToHealthUp")).count());
    sc.put("killLog", kills);
    List<Double> ups = kills.stream().filter(k -> k.containsKey("secondsToHealthUp"))
        .map(k -> (Double) k.get("secondsToHealthUp")).toList();
    sc.put("recoverySecondsMax", ups.stream().mapToDouble(d -> d).max().orElse(0));
    sc.put("recoverySecondsMean", round(ups.stream().mapToDouble(d -> d).average().orElse(0)));
    sc.put("lockTime", lockTimeLabel());
    Invariants inv = invariants(db, ls, api);
    inv.add("reprise après chaque kill ≤ 60 s jusqu'à la santé UP (cible)", ups.stream().allMatch(u -> u <= 60),
        "max " + sc.get("recoverySecondsMax") + " s sur " + ups.size() + " redémarrage(s)");
    finish(sc, inv, List.of(node));
  }

  // ---------------------------------------------------------------- scenario 2

  private void twoNodes(Map<String, Object> sc) throws Exception {
    sc.put("name", "2. Deux nœuds, une base");
    int n = Integer.parseInt(opts.get("lifecycles2"));
    int timers = Integer.parseInt(opts.get("timers"));
    int closing = Integer.parseInt(opts.get("closing-seconds2"));
    Db db = new Db(new BenchDatabase("faults_two").recreate());
    mailbox.reset();
    Api api = new Api();
    Node a = node("two-a", db, Map.of());
    sc.put("firstStartSeconds", round(a.start()));
    api.nodes.add(a);
    users(api);
    int third = Math.max(1, n * 2 / 5);
    // one node: the first 40 %
    long t0 = System.nanoTime();
    List<HttpLifecycle> all = new ArrayList<>(drive(api, db, "AAP-F2", 0, third, closing));
    double oneNode = third / ((System.nanoTime() - t0) / 1e9) * 60;
    Node b = node("two-b", db, Map.of());
    b.start();
    api.nodes.add(b);
    t0 = System.nanoTime();
    all.addAll(drive(api, db, "AAP-F2", third, third, closing));
    double twoNodes = third / ((System.nanoTime() - t0) / 1e9) * 60;
    sc.put("throughputOneNodeLifecyclesPerMinute", round(oneNode));
    sc.put("throughputTwoNodesLifecyclesPerMinute", round(twoNodes));
    sc.put("throughputRatio", round(twoNodes / oneNode));
    log("débit : 1 nœud " + round(oneNode) + " cycles/min, 2 nœuds " + round(twoNodes) + " cycles/min");
    // the burst of timers, all due at once, drained by both job executors
    Map<String, Object> burst = timerBurst(api, db, timers);
    sc.put("timerBurst", burst);
    // the rest, and one node killed mid-run
    int rest = n - 2 * third;
    AtomicBoolean killed = new AtomicBoolean();
    Map<String, Object> kill = new LinkedHashMap<>();
    Thread killer = new Thread(() -> {
      try {
        Thread.sleep(Math.max(10, closing + 15) * 1000L);
        kill.put("lockedJobsAtKill", db.rows("select id_, lock_owner_ from act_ru_job where lock_exp_time_ is not null"));
        kill.put("killedAt", System.currentTimeMillis());
        kill.put("pid", b.kill());
        api.nodes.remove(b);
        killed.set(true);
        log("kill -9 du nœud two-b (sans redémarrage)");
      } catch (Exception e) {
        kill.put("error", e.toString());
      }
    }, "killer-2");
    killer.start();
    all.addAll(drive(api, db, "AAP-F2", 2 * third, rest, closing));
    killer.join();
    double quiet = quiet(db);
    sc.put("quietAfterSeconds", round(quiet));
    sc.put("lockTime", lockTimeLabel());
    sc.put("nodeKilled", killed.get() ? "two-b (pid " + kill.get("pid") + ")" : "non (" + kill.get("error") + ")");
    if (killed.get()) {
      sc.put("orphanedJobs", orphans(db, kill));
    }
    sc.put("optimisticLockingInLogs", a.countInLogs("OptimisticLockingException") + b.countInLogs("OptimisticLockingException")
        + a.countInLogs("Row was updated or deleted by another transaction")
        + b.countInLogs("Row was updated or deleted by another transaction"));
    sc.put("jobsByNode", db.rows("select hostname_, count(*) n from act_hi_job_log where job_state_ = 2 group by hostname_")
        .toString());
    Invariants inv = invariants(db, all, api);
    inv.jobsOnce(TIMER_KEY);
    inv.add("chaque minuterie de la rafale a été exécutée", ((Number) burst.get("executed")).intValue() == timers,
        burst.get("executed") + " / " + timers);
    inv.add("débit à deux nœuds ≥ 1,5 × un nœud (cible)", twoNodes >= 1.5 * oneNode,
        round(twoNodes) + " contre " + round(oneNode) + " cycles/min (× " + round(twoNodes / oneNode) + ")");
    finish(sc, inv, List.of(a, b));
  }

  /** The jobs locked when the node was killed: how long each waited before it ran (lock expiry). */
  private Map<String, Object> orphans(Db db, Map<String, Object> kill) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> locked = (List<Map<String, Object>>) kill.get("lockedJobsAtKill");
    long killedAt = (Long) kill.get("killedAt");
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("lockedAtKill", locked.size());
    List<Double> waits = new ArrayList<>();
    for (var j : locked) {
      var ok = db.rows("select min(timestamp_) t from act_hi_job_log where job_id_ = ? and job_state_ = 2", j.get("id_"));
      Object t = ok.get(0).get("t");
      if (t instanceof java.sql.Timestamp ts) {
        waits.add((ts.getTime() - killedAt) / 1000.0);
      }
    }
    Collections.sort(waits);
    o.put("ranAfterwards", waits.size());
    o.put("waitSecondsMax", waits.isEmpty() ? 0 : round(waits.get(waits.size() - 1)));
    o.put("waitSecondsMedian", waits.isEmpty() ? 0 : round(waits.get(waits.size() / 2)));
    return o;
  }

  private Map<String, Object> timerBurst(Api api, Db db, int count) throws Exception {
    String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(TIMER_KEY).name("Minuterie du banc d'essai")
        .camundaHistoryTimeToLive(180).startEvent("start").message("BenchTimerStart")
        .intermediateCatchEvent("due").timerWithDate("${due}").endEvent("end").done());
    deploy(api.nodes.get(0), bpmn);
    long margin = 15_000 + count * 12L;
    Instant due = Instant.now().plusMillis(margin);
    String dueText = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(due.atZone(PARIS));
    String body = "{\"messageName\":\"BenchTimerStart\",\"processVariables\":{\"due\":{\"value\":\"" + dueText
        + "\",\"type\":\"Date\"}}}";
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    long c0 = System.nanoTime();
    for (int t = 0; t < 4; t++) {
      pool.submit(() -> {
        while (next.getAndIncrement() < count) {
          while (true) {
            try {
              Api.Resp r = api.send(Node.ADMIN, "POST", "/engine-rest/message", body);
              if (r.ok()) {
                break;
              }
              failures.incrementAndGet();
              log("message refusé : " + r.status() + " " + Api.abbreviate(r.body()));
              return null;
            } catch (Api.Down e) {
              failures.incrementAndGet();
              Thread.sleep(500);
            }
          }
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(60, TimeUnit.MINUTES);
    double creation = (System.nanoTime() - c0) / 1e9;
    long created = db.count("select count(*) from act_hi_procinst where proc_def_key_ = ?", TIMER_KEY);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
    while (db.count("select count(*) from act_ru_job where process_def_key_ = ?", TIMER_KEY) > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(1000);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("timers", count);
    m.put("created", created);
    m.put("creationSeconds", round(creation));
    m.put("allCreatedBeforeDue", creation * 1000 < margin);
    var last = db.rows("select max(timestamp_) t, count(*) n from act_hi_job_log where process_def_key_ = ? and job_state_ = 2",
        TIMER_KEY).get(0);
    long executed = ((Number) last.get("n")).longValue();
    m.put("executed", executed);
    double drain = last.get("t") == null ? 0 : (((java.sql.Timestamp) last.get("t")).getTime() - due.toEpochMilli()) / 1000.0;
    m.put("drainSeconds", round(drain));
    m.put("timersPerSecond", round(executed / Math.max(drain, 0.001)));
    m.put("byNode", db.rows("select hostname_, count(*) n from act_hi_job_log where process_def_key_ = ? and job_state_ = 2"
        + " group by hostname_", TIMER_KEY).toString());
    log("rafale : " + executed + " minuteries en " + round(drain) + " s");
    return m;
  }

  private void deploy(Node node, String bpmn) throws Exception {
    String boundary = "----faults" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench-timer\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"bench-timer.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(node.base() + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (Node.ADMIN + ":" + Node.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("déploiement de " + TIMER_KEY + " : " + r.statusCode() + " " + r.body());
    }
  }

  // ---------------------------------------------------------------- scenario 3

  private void databaseFaults(Map<String, Object> sc) throws Exception {
    sc.put("name", "3. Pannes de la base (redémarrage de PostgreSQL, pool épuisé)");
    int n = Math.max(4, Integer.parseInt(opts.get("lifecycles")) / 2);
    Db db = new Db(new BenchDatabase("faults_db").recreate());
    mailbox.reset();
    Api api = new Api();
    Node node = node("db-a", db, Map.of());
    sc.put("firstStartSeconds", round(node.start()));
    api.nodes.add(node);
    users(api);
    Prober prober = new Prober(api, node);
    prober.start();
    Map<String, Object> restart = new LinkedHashMap<>();
    Thread faults = new Thread(() -> {
      try {
        Thread.sleep(30_000);
        restart.putAll(restartPostgres(db));
      } catch (Exception e) {
        restart.put("error", e.toString());
      }
    }, "pg-restart");
    faults.start();
    List<HttpLifecycle> ls = drive(api, db, "AAP-F3", 0, n, Integer.parseInt(opts.get("closing-seconds2")) + 40);
    faults.join();
    Map<String, Object> probe = prober.stop();
    sc.put("postgresRestart", restart);
    sc.put("prober", probe);
    sc.put("nodePidUnchanged", node.up && node.healthy());
    // a tiny pool and a burst
    Node tiny = node("db-tiny", db, Map.of("spring.datasource.hikari.maximum-pool-size", String.valueOf(TINY_POOL),
        "spring.datasource.hikari.connection-timeout", "5000"));
    tiny.start();
    Api tinyApi = new Api();
    tinyApi.nodes.add(tiny);
    Prober tinyProber = new Prober(tinyApi, tiny);
    tinyProber.start();
    Thread.sleep(3000);
    Map<String, Object> exhaust = burst(tinyApi, 60, 20);
    Thread.sleep(10_000);
    Map<String, Object> tinyProbe = tinyProber.stop();
    exhaust.put("prober", tinyProbe);
    exhaust.put("healthyAfter", tiny.healthy());
    sc.put("poolExhaustion", exhaust);
    double quiet = quiet(db);
    sc.put("quietAfterSeconds", round(quiet));
    Invariants inv = invariants(db, ls, api);
    inv.add("le nœud s'est remis du redémarrage de PostgreSQL sans être redémarré", node.healthy()
        && ((Number) probe.get("okAfterLastFailure")).longValue() > 0, "sonde : " + probe);
    inv.add("aucune suite d'erreurs vues par l'usager plus longue que la coupure (+ 5 s)",
        restart.containsKey("outageSeconds") && (double) probe.get("longestFailureSeconds")
            <= (double) restart.get("outageSeconds") + 5.0,
        "plus longue suite d'échecs " + probe.get("longestFailureSeconds") + " s, coupure "
            + restart.get("outageSeconds") + " s");
    inv.add("pool épuisé : le nœud répond de nouveau sans redémarrage", Boolean.TRUE.equals(exhaust.get("healthyAfter"))
        && ((Number) tinyProbe.get("okAfterLastFailure")).longValue() > 0, "rafale " + exhaust);
    finish(sc, inv, List.of(node, tiny));
  }

  private Map<String, Object> restartPostgres(Db db) throws Exception {
    String ctl = System.getenv("BENCH_PG_CTL");
    String data = System.getenv("BENCH_PG_DATA");
    Map<String, Object> m = new LinkedHashMap<>();
    if (ctl == null || data == null) {
      m.put("skipped", "serveur PostgreSQL externe : pas de redémarrage");
      return m;
    }
    List<String> cmd = new ArrayList<>();
    String as = System.getenv().getOrDefault("BENCH_PG_AS", "");
    if (!as.isBlank()) {
      cmd.addAll(List.of(as.trim().split("\\s+")));
    }
    cmd.addAll(List.of(ctl, "-D", data, "-m", "fast", "-w", "-l", data + "/server.log", "restart"));
    long t0 = System.nanoTime();
    m.put("at", OffsetDateTime.now(PARIS).toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    // the outage: until a new connection succeeds
    while (true) {
      try (var c = db.db.connect()) {
        break;
      } catch (Exception e) {
        Thread.sleep(100);
      }
    }
    m.put("outageSeconds", round((System.nanoTime() - t0) / 1e9));
    m.put("pgCtlExit", p.exitValue());
    m.put("pgCtlOutput", output.trim());
    log("PostgreSQL redémarré (pg_ctl restart -m fast), coupure " + m.get("outageSeconds") + " s");
    return m;
  }

  /** {@code threads} readers hammering the engine's task query for {@code seconds}. */
  private Map<String, Object> burst(Api api, int threads, int seconds) throws Exception {
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < threads; i++) {
      pool.submit(() -> {
        while (System.nanoTime() < end) {
          try {
            if (api.send(HttpLifecycle.AGENT, "GET", "/engine-rest/task?maxResults=50", null).ok()) {
              ok.incrementAndGet();
            } else {
              failed.incrementAndGet();
            }
          } catch (Api.Down e) {
            failed.incrementAndGet();
          }
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pool", TINY_POOL);
    m.put("threads", threads);
    m.put("seconds", seconds);
    m.put("ok", ok.get());
    m.put("failed", failed.get());
    return m;
  }

  // ---------------------------------------------------------------- shared

  private Node node(String name, Db db, Map<String, String> extra) {
    Map<String, String> all = new LinkedHashMap<>(extra);
    if (opts.containsKey("lock-time-ms")) {
      all.put("camunda.bpm.job-execution.lock-time-in-millis", opts.get("lock-time-ms"));
    }
    Node n = new Node(name, jar, out.resolve("logs"), db.db, mailbox.port, all);
    started.add(n);
    return n;
  }

  private String lockTimeLabel() {
    if (opts.containsKey("lock-time-ms")) {
      return opts.get("lock-time-ms") + " ms (--lock-time-ms du banc)";
    }
    return productSetting("lock-time-in-millis") + " (configuration du produit, application.yaml)";
  }

  /** A line of the product's application.yaml (in the jar's classes), as written. */
  private static String productSetting(String key) {
    try (var in = FaultsRunner.class.getResourceAsStream("/application.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> l.trim().startsWith(key + ":"))
          .map(String::trim).findFirst().orElse(key + " non réglé : défaut de Camunda 7, 300000 ms");
    } catch (Exception e) {
      return "?";
    }
  }

  private long lockTimeMs() {
    if (opts.containsKey("lock-time-ms")) {
      return Long.parseLong(opts.get("lock-time-ms"));
    }
    var m = java.util.regex.Pattern.compile("(\\d{4,})").matcher(productSetting("lock-time-in-millis"));
    return m.find() ? Long.parseLong(m.group(1)) : 300_000;
  }

  private void users(Api api) throws Exception {
    Map<String, String> groups = Map.of(HttpLifecycle.AGENT, "instructeurs", HttpLifecycle.SECRETARY,
        "secretariat-assemblee", HttpLifecycle.FINANCE, "finances", HttpLifecycle.JURORS[0], "jury",
        HttpLifecycle.JURORS[1], "jury", HttpLifecycle.JURORS[2], "jury");
    for (String u : HttpLifecycle.users()) {
      String body = "{\"profile\":{\"id\":\"" + u + "\",\"firstName\":\"Banc\",\"lastName\":\"" + u
          + "\",\"email\":\"" + u + "@demo.pasdecalais.invalid\"},\"credentials\":{\"password\":\"" + Api.PASSWORD + "\"}}";
      Api.Resp r = api.send(Node.ADMIN, "POST", "/engine-rest/user/create", body);
      Api.Resp m = api.send(Node.ADMIN, "PUT", "/engine-rest/group/" + groups.get(u) + "/members/" + u, null);
      if (!r.ok() || !m.ok()) {
        throw new IllegalStateException("utilisateur " + u + " : " + r.status() + " " + r.body() + " / " + m.status()
            + " " + m.body());
      }
    }
  }

  private List<HttpLifecycle> drive(Api api, Db db, String prefix, int from, int count, int closing) throws Exception {
    int cap = Integer.parseInt(opts.get("cap"));
    List<HttpLifecycle> ls = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      ls.add(new HttpLifecycle(prefix, i, seq++, closing, api, db));
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(Long.parseLong(opts.getOrDefault("max-minutes", "60")));
    ExecutorService pool = Executors.newFixedThreadPool(cap);
    AtomicInteger ended = new AtomicInteger();
    for (HttpLifecycle l : ls) {
      pool.submit(() -> {
        l.run(deadline);
        int e = ended.incrementAndGet();
        if (e % Math.max(1, count / 10) == 0 || !"TERMINÉ".equals(l.outcome)) {
          log(prefix + " : " + e + "/" + count + " cycles finis (" + l.ref + " " + l.outcome + ")");
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(2, TimeUnit.HOURS);
    return ls;
  }

  /** Waits until no job is due or locked (at most the lock time + 2 min); returns the seconds waited. */
  private double quiet(Db db) throws InterruptedException {
    long t0 = System.nanoTime();
    long lock = lockTimeMs();
    long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(lock + 120_000);
    while (db.pendingJobs() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(1000);
    }
    // the last e-mails: a send job commits after the SMTP exchange
    Thread.sleep(2000);
    return (System.nanoTime() - t0) / 1e9;
  }

  private Invariants invariants(Db db, List<HttpLifecycle> ls, Api api) {
    Invariants inv = new Invariants(db);
    inv.lifecycles(ls);
    inv.incidents();
    inv.payments();
    inv.opinions();
    inv.notifications(mailbox.received());
    inv.jobsOnce(null);
    inv.figures.put("pendingJobsAtEnd", db.pendingJobs());
    inv.figures.put("lateDossiers", ls.stream().filter(l -> String.valueOf(l.outcome).startsWith("HORS")).count());
    inv.figures.put("httpRequests", api.requests.get());
    inv.figures.put("httpUnreachable", api.unreachable.get());
    inv.figures.put("http5xx", api.serverErrors.get());
    inv.figures.put("http409", api.conflicts.get());
    inv.figures.put("driverRetries", ls.stream().mapToInt(l -> l.retries).sum());
    return inv;
  }

  private void finish(Map<String, Object> sc, Invariants inv, List<Node> nodes) {
    sc.put("figures", inv.figures);
    List<Map<String, Object>> checks = new ArrayList<>();
    for (var c : inv.checks) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("invariant", c.name());
      m.put("result", c.pass() ? "PASS" : "FAIL");
      m.put("detail", c.detail());
      checks.add(m);
    }
    sc.put("invariants", checks);
    sc.put("nodeLogs", nodes.stream().flatMap(n -> n.logs().stream()).map(Path::toString).toList());
    long errors = nodes.stream().mapToLong(n -> n.countInLogs(" ERROR ")).sum();
    sc.put("errorLinesInNodeLogs", errors);
    allPassed &= inv.passed();
  }

  private void stopAll() throws InterruptedException {
    for (Node n : started) {
      n.stop();
    }
    started.clear();
  }

  private void cleanUp() throws InterruptedException {
    stopAll();
    mailbox.close();
  }

  private Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    m.put("cpuModel", grep("/proc/cpuinfo", "model name"));
    m.put("memory", grep("/proc/meminfo", "MemTotal"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    try {
      m.put("postgresql", new Db(new BenchDatabase("postgres")).string("select version()"));
    } catch (Exception e) {
      m.put("postgresql", "inconnu : " + e.getMessage());
    }
    // what else ran on the machine during the measure, as the operator states it (BENCH_SHARED)
    String shared = System.getenv("BENCH_SHARED");
    if (shared != null && !shared.isBlank()) {
      m.put("shared", shared);
    }
    return m;
  }

  private static String grep(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key)).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    } catch (Exception e) {
      return "?";
    }
  }

  private void write() throws Exception {
    Files.writeString(out.resolve("report.json"), Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(report));
    Files.writeString(out.resolve("report.md"), MarkdownFaults.render(report));
  }

  static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }

  static void log(String s) {
    System.out.println(java.time.LocalTime.now().withNano(0) + " " + s);
  }
}
