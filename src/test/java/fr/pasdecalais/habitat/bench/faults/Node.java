package fr.pasdecalais.habitat.bench.faults;

import fr.pasdecalais.habitat.bench.BenchDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of the product: a separate JVM ({@code java -jar} of the built jar, {@code postgres}
 * profile), its settings as command-line arguments, its own log file. {@link #kill()} sends SIGKILL
 * ({@link Process#destroyForcibly()} on Linux), {@link #start()} starts it again on the same port.
 */
final class Node {

  static final String ADMIN = "bench-admin";
  static final String ADMIN_PASSWORD = "Banc-Essai-Perf-2026!";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final int port;
  private final Path jar;
  private final Path logDir;
  private final BenchDatabase db;
  private final int smtpPort;
  private final Map<String, String> extra;
  private final List<Path> logs = new ArrayList<>();
  private Process process;
  private int starts;
  volatile boolean up;

  Node(String name, Path jar, Path logDir, BenchDatabase db, int smtpPort, Map<String, String> extra) {
    this.name = name;
    this.port = freePort();
    this.jar = jar;
    this.logDir = logDir;
    this.db = db;
    this.smtpPort = smtpPort;
    this.extra = new LinkedHashMap<>(extra);
  }

  /** Starts the JVM and waits for {@code /actuator/health} UP; returns the seconds it took. */
  synchronized double start() throws IOException, InterruptedException {
    starts++;
    Path log = logDir.resolve(name + "-" + starts + ".log");
    logs.add(log);
    List<String> cmd = new ArrayList<>(List.of("java", "-Xms128m", "-Xmx640m", "-Duser.timezone=Europe/Paris",
        "-Dfile.encoding=UTF-8", "-jar", jar.toString(),
        "--spring.profiles.active=postgres",
        "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user,
        "--spring.datasource.password=" + db.password,
        "--aap.admin.user=" + ADMIN, "--aap.admin.password=" + ADMIN_PASSWORD,
        "--server.port=" + port, "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
        "--spring.main.banner-mode=off", "--logging.level.root=warn",
        "--logging.level.org.camunda.bpm.engine.jobexecutor=info",
        // the job log's hostname: which node ran each job
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    extra.forEach((k, v) -> cmd.add("--" + k + "=" + v));
    long t0 = System.nanoTime();
    process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = t0 + Duration.ofMinutes(15).toNanos(); // 2 shared cores under load: restarts of 5–9 min seen
    while (!healthy()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("le nœud " + name + " s'est arrêté au démarrage, voir " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("le nœud " + name + " n'est pas prêt après 15 min, voir " + log);
      }
      Thread.sleep(250);
    }
    up = true;
    return (System.nanoTime() - t0) / 1e9;
  }

  boolean healthy() {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
          .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 && r.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** kill -9: no shutdown hook, no commit, the job locks stay in the database. */
  synchronized long kill() throws InterruptedException {
    up = false;
    long pid = process.pid();
    process.destroyForcibly();
    process.waitFor();
    return pid;
  }

  void killQuietly() {
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
    }
  }

  synchronized void stop() throws InterruptedException {
    up = false;
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Lines of all this node's logs holding {@code needle}. */
  long countInLogs(String needle) {
    long n = 0;
    for (Path p : logs) {
      try (var lines = Files.lines(p, java.nio.charset.StandardCharsets.ISO_8859_1)) {
        n += lines.filter(l -> l.contains(needle)).count();
      } catch (IOException e) {
        // a log not written: nothing counted
      }
    }
    return n;
  }

  List<Path> logs() {
    return logs;
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
