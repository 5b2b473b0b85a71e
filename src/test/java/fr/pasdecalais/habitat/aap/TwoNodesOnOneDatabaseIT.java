package fr.pasdecalais.habitat.aap;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Two nodes started at the same instant on one empty PostgreSQL, with the {@code postgres} profile (job
 * executors on), as a national service starts its cluster: both become ready, and what start-up makes
 * (product migrations, the engine's schema, the deployment of the models, groups, grants, the
 * administrator, Tasklist filters) is made once — one deployment, version 1 of every process, each
 * group, user and filter once. Without {@code shared.StartupLock} the second node fails on the engine's
 * schema ("relation already exists") or creates every Tasklist filter twice.
 *
 * <p>Not in the shared PostgreSQL context: a database of its own, empty. The two applications run in
 * this JVM, each with an engine name of its own (the engine registry, {@code ProcessEngines}, is
 * JVM-wide); the test-only configurations of {@code support} (the shared database, the test SMTP
 * server) are left out of their component scan.
 */
class TwoNodesOnOneDatabaseIT {

  static final String ADMIN = "admin-grappe";
  static final String ADMIN_PASSWORD = "Essai-Deux-Noeuds-2026!";

  static EmbeddedPostgres postgres;
  static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @BeforeAll
  static void startTwoNodesAtOnce() throws Exception {
    TimeZone.setDefault(TimeZone.getTimeZone(AppelsAProjetsApplication.TIME_ZONE));
    postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
        .setServerConfig("max_connections", "100").start();
    // Both start at once; only Spring Boot's logging set-up, JVM-wide (one Logback context for both
    // applications), is done by the first node before the second begins: two at once throw a
    // ConcurrentModificationException in Logback. The database work begins seconds later, together.
    CountDownLatch loggingReady = new CountDownLatch(1);
    ExecutorService starters = Executors.newFixedThreadPool(2);
    try {
      List<Future<ConfigurableApplicationContext>> started = new ArrayList<>();
      started.add(starters.submit(() -> start("noeud-a", loggingReady)));
      started.add(starters.submit(() -> {
        loggingReady.await(2, TimeUnit.MINUTES);
        return start("noeud-b", null);
      }));
      List<Throwable> failures = new ArrayList<>();
      for (Future<ConfigurableApplicationContext> f : started) {
        try {
          nodes.add(f.get(10, TimeUnit.MINUTES));
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      if (!failures.isEmpty()) {
        AssertionError error = new AssertionError("Un nœud n'a pas démarré : " + failures.get(0), failures.get(0));
        failures.stream().skip(1).forEach(error::addSuppressed);
        throw error;
      }
    } finally {
      starters.shutdownNow();
    }
  }

  private static ConfigurableApplicationContext start(String engineName, CountDownLatch loggingReady) {
    // node b with the smallest pool a node accepts (AAP_DB_POOL_SIZE=2): the start-up lock holds a
    // connection of its own, outside the pool, for the whole start
    Map<String, Object> props = Map.of(
        "spring.datasource.hikari.maximum-pool-size", "noeud-b".equals(engineName) ? 2 : 20,
        "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "",
        "aap.admin.user", ADMIN,
        "aap.admin.password", ADMIN_PASSWORD,
        "server.port", 0,
        "camunda.bpm.process-engine-name", engineName,
        "spring.main.banner-mode", "off");
    String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    SpringApplicationBuilder builder = new SpringApplicationBuilder(AppelsAProjetsApplication.class);
    if (loggingReady != null) {
      builder.listeners((ApplicationListener<ApplicationEvent>) event -> {
        if (event instanceof ApplicationContextInitializedEvent) {
          loggingReady.countDown(); // after the logging set-up (environment prepared)
        }
      });
    }
    return builder
        .profiles("postgres")
        .initializers(context -> context.getBeanFactory().registerSingleton("withoutTestSupport", new WithoutTestSupport()))
        .run(args);
  }

  @AfterAll
  static void stop() throws Exception {
    for (ConfigurableApplicationContext node : nodes) {
      node.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void bothNodesStartedTogetherOnAnEmptyDatabaseAreReadyAndStartUpWasDoneOnce() throws Exception {
    assertThat(nodes).hasSize(2);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    for (ConfigurableApplicationContext node : nodes) {
      int port = ((WebServerApplicationContext) node).getWebServer().getPort();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).as("readiness of the node on port " + port).isEqualTo(200);
      assertThat(health.body()).contains("UP");
    }
    ProcessEngine engine = nodes.get(0).getBean(ProcessEngine.class);

    // one deployment of the models, version 1 of each process, seen alike by both nodes
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(1);
    List<ProcessDefinition> definitions = engine.getRepositoryService().createProcessDefinitionQuery().list();
    assertThat(definitions).isNotEmpty().allSatisfy(d -> assertThat(d.getVersion()).as(d.getKey()).isEqualTo(1));
    assertThat(nodes.get(1).getBean(ProcessEngine.class).getRepositoryService().createProcessDefinitionQuery().count())
        .isEqualTo(definitions.size());

    // groups, the administrator, Tasklist filters and grants: once
    assertThat(engine.getIdentityService().createGroupQuery().count()).isEqualTo(9);
    assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(1);
    assertThat(engine.getIdentityService().createUserQuery().userId(ADMIN).memberOfGroup("camunda-admin").count())
        .isEqualTo(1);
    Map<String, Long> filtersByName = engine.getFilterService().createFilterQuery().list().stream()
        .collect(Collectors.groupingBy(f -> f.getName(), Collectors.counting()));
    assertThat(filtersByName).hasSize(3).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));

    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      assertThat(single(s, "select count(*) from (select group_id_, resource_type_, resource_id_ from act_ru_authorization"
          + " where group_id_ is not null group by group_id_, resource_type_, resource_id_ having count(*) > 1) twice"))
          .as("grants made twice").isZero();
      assertThat(single(s, "select count(*) from flyway_schema_history where not success")).isZero();
      assertThat(single(s, "select count(*) from (select version from flyway_schema_history where version is not null"
          + " group by version having count(*) > 1) twice")).as("migrations applied twice").isZero();
      assertThat(single(s, "select count(*) from act_ge_property where name_ = 'schema.version'")).isEqualTo(1);
    }
  }

  private static long single(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Leaves the test-only configurations (shared database, test SMTP server) out of the nodes' scan. */
  static final class WithoutTestSupport extends TypeExcludeFilter {
    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
      return reader.getClassMetadata().getClassName().startsWith("fr.pasdecalais.habitat.aap.support.");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof WithoutTestSupport;
    }

    @Override
    public int hashCode() {
      return Objects.hash(WithoutTestSupport.class);
    }
  }
}
