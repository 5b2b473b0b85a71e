package fr.pasdecalais.habitat.bench;

import fr.pasdecalais.habitat.aap.AppelsAProjetsApplication;
import fr.pasdecalais.habitat.aap.application.Dossiers;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Time and memory of a 10 000-dossier export (issue 15): the product on an in-memory H2 database
 * (or the bench PostgreSQL with {@code BENCH_PG_*} and {@code --postgres}), one ASTRE call seeded with
 * {@code N} dossiers (default 10 000: organisation, territory, two history lines, two jurors' opinions
 * with four scores each), then {@code GET /api/exports/dossiers} in CSV and in XLSX through HTTP, as an
 * agent; each export timed end to end (last byte received) while a sampler reads the heap used every
 * 5 ms. Run (see the README, "Exports and open data"):
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx512m -cp target/test-classes:target/classes:$(cat target/cp.txt) fr.pasdecalais.habitat.bench.ExportBenchmark [N]
 * </pre>
 */
public final class ExportBenchmark {

  private static final String AGENT = "bench.export";
  private static final String PASSWORD = "Banc-Export-2026!";
  private static final long BASE = 5_000_000L;

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : 10_000;
    boolean postgres = List.of(args).contains("--postgres");
    TimeZone.setDefault(TimeZone.getTimeZone(AppelsAProjetsApplication.TIME_ZONE));
    int port = ProductNode.freePort();
    String db = postgres ? new BenchDatabase("bench_export").recreate().url() : "jdbc:h2:mem:bench-export;DB_CLOSE_DELAY=-1";
    BenchDatabase pg = new BenchDatabase("bench_export");
    String[] props = {
        "--spring.datasource.url=" + db,
        "--spring.datasource.username=" + (postgres ? pg.user : "sa"),
        "--spring.datasource.password=" + (postgres ? pg.password : ""),
        "--server.port=" + port, "--aap.demo-data.enabled=false", "--camunda.bpm.job-execution.enabled=false",
        "--aap.admin.user=bench-admin", "--aap.admin.password=Banc-Essai-Perf-2026!",
        "--logging.level.root=warn", "--logging.level.fr.pasdecalais=warn", "--spring.main.banner-mode=off"};
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AppelsAProjetsApplication.class)
        .profiles(postgres ? new String[] {"postgres"} : new String[0]).run(props)) {
      String call = "AAP-BENCH-EXPORT";
      CallForProjects created = context.getBean(CallCatalog.class).create(context.getBean(CallDefinitionReader.class)
          .read(call + ".yaml", new ByteArrayInputStream(Dossiers.astreYaml(call).getBytes(StandardCharsets.UTF_8))));
      context.getBean(IdentitySetup.class).ensureUser(AGENT, "Banc", "Export", PASSWORD, Groups.INSTRUCTEURS);
      long seedStart = System.nanoTime();
      seed(context.getBean(DataSource.class), created, n);
      System.out.printf(Locale.ROOT, "seeded %d dossiers in %.1f s (%s)%n", n, (System.nanoTime() - seedStart) / 1e9,
          postgres ? "PostgreSQL" : "H2 in memory");

      HttpClient client = HttpClient.newHttpClient();
      // one warm-up of each format (JIT, Hibernate's query plans), then the measured runs
      for (String format : List.of("csv", "xlsx")) {
        export(client, port, call, format);
      }
      System.out.println("| format | dossiers | file | time | peak heap used during the export | heap before |");
      System.out.println("|---|---|---|---|---|---|");
      for (int round = 0; round < 3; round++) {
        for (String format : List.of("csv", "xlsx")) {
          Result r = export(client, port, call, format);
          System.out.printf(Locale.ROOT, "| %s | %d | %.1f MB | %.2f s | %d MB | %d MB |%n", format, n,
              r.bytes / 1e6, r.seconds, r.peakHeap >> 20, r.heapBefore >> 20);
        }
      }
      System.out.printf(Locale.ROOT, "max heap (-Xmx): %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  record Result(long bytes, double seconds, long peakHeap, long heapBefore) {}

  private static Result export(HttpClient client, int port, String call, String format) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (running.get()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/exports/dossiers?call="
            + call + "&format=" + format))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((AGENT + ":" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8))).GET().build();
    HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long bytes = 0;
    try (InputStream in = response.body()) {
      byte[] buffer = new byte[64 * 1024];
      for (int read; (read = in.read(buffer)) >= 0; ) {
        bytes += read;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    running.set(false);
    sampler.join();
    if (response.statusCode() != 200) {
      throw new IllegalStateException("export " + format + ": HTTP " + response.statusCode());
    }
    return new Result(bytes, seconds, peak.get(), before);
  }

  /** N organisations and dossiers of the call's lot, with territory, history and two jurors' scored opinions. */
  private static void seed(DataSource dataSource, CallForProjects call, int n) throws Exception {
    Timestamp now = Timestamp.from(Instant.parse("2023-04-10T08:00:00Z"));
    List<String> jurors = call.getJury().stream().map(j -> j.getUserId()).toList();
    List<String> criteria = call.getSelectionCriteria().stream().map(c -> c.getCode()).toList();
    long lotId = call.getLots().get(0).getId();
    String lotCode = call.getLots().get(0).getCode();
    String[] territories = {"ARTOIS", "CALL", "BOULONNAIS", "TERNOIS", "PAS_DE_CALAIS"};
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement org = c.prepareStatement("insert into organization (id, siret, name, legal_form, holder_type,"
              + " street, postal_code, city, email, legal_representative, created_at) values (?,?,?,?,?,?,?,?,?,?,?)");
          PreparedStatement app = c.prepareStatement("insert into application (id, reference, call_id, call_reference,"
              + " lot_id, lot_code, organization_id, requested_amount, summary, state, channel, received_at, submitted_by,"
              + " weighted_score, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
          PreparedStatement territory = c.prepareStatement("insert into application_territory (application_id, territory)"
              + " values (?,?)");
          PreparedStatement event = c.prepareStatement("insert into application_event (application_id, occurred_at, actor,"
              + " type, description) values (?,?,?,?,?)");
          PreparedStatement opinion = c.prepareStatement("insert into jury_opinion (id, application_id, member_id, status,"
              + " avis, weighted_score, opened_at, submitted_at) values (?,?,?,?,?,?,?,?)");
          PreparedStatement score = c.prepareStatement("insert into jury_opinion_score (opinion_id, criterion_code, score)"
              + " values (?,?,?)")) {
        for (int i = 1; i <= n; i++) {
          long id = BASE + i;
          org.setLong(1, id);
          org.setString(2, String.format("8%013d", i));
          org.setString(3, "Association du banc d'essai n° " + i);
          org.setString(4, "Association loi 1901");
          org.setString(5, Dossiers.HOLDER_TYPE);
          org.setString(6, i + " rue de l'Essai");
          org.setString(7, "62000");
          org.setString(8, "Arras");
          org.setString(9, "banc" + i + "@exemple.fr");
          org.setString(10, "Représentant " + i);
          org.setTimestamp(11, now);
          org.addBatch();
          app.setLong(1, id);
          app.setString(2, call.getReference() + "-" + String.format("%05d", i));
          app.setLong(3, call.getId());
          app.setString(4, call.getReference());
          app.setLong(5, lotId);
          app.setString(6, lotCode);
          app.setLong(7, id);
          app.setBigDecimal(8, new java.math.BigDecimal(10_000 + (i % 5_000) * 7).setScale(2)
              .add(new java.math.BigDecimal("0.35")));
          app.setString(9, "Projet d'accompagnement n° " + i);
          app.setString(10, "OPINIONS_IN");
          app.setString(11, "POSTAL");
          app.setTimestamp(12, now);
          app.setString(13, "camille.martin");
          app.setBigDecimal(14, new java.math.BigDecimal("76.00"));
          app.setTimestamp(15, now);
          app.addBatch();
          territory.setLong(1, id);
          territory.setString(2, territories[i % territories.length]);
          territory.addBatch();
          for (String[] e : new String[][] {{"COMPLETUDE", "Dossier déclaré complet."}, {"ELIGIBILITE", "Dossier éligible."}}) {
            event.setLong(1, id);
            event.setTimestamp(2, now);
            event.setString(3, "camille.martin");
            event.setString(4, e[0]);
            event.setString(5, e[1]);
            event.addBatch();
          }
          for (int j = 0; j < jurors.size(); j++) {
            long opinionId = BASE * 2 + i * 10L + j;
            opinion.setLong(1, opinionId);
            opinion.setLong(2, id);
            opinion.setString(3, jurors.get(j));
            opinion.setString(4, "SUBMITTED");
            opinion.setString(5, "FAVORABLE");
            opinion.setBigDecimal(6, new java.math.BigDecimal(j == 0 ? "72.00" : "80.00"));
            opinion.setTimestamp(7, now);
            opinion.setTimestamp(8, now);
            opinion.addBatch();
            for (int k = 0; k < criteria.size(); k++) {
              score.setLong(1, opinionId);
              score.setString(2, criteria.get(k));
              score.setInt(3, 1 + (i + j + k) % 5);
              score.addBatch();
            }
          }
          if (i % 1_000 == 0 || i == n) {
            org.executeBatch();
            app.executeBatch();
            territory.executeBatch();
            event.executeBatch();
            opinion.executeBatch();
            score.executeBatch();
            c.commit();
          }
        }
      }
    }
  }
}
