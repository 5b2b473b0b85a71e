package fr.pasdecalais.habitat.aap.config;

import fr.pasdecalais.habitat.aap.shared.StartupLock;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway in two phases around the engine's own schema creation
 * ({@code camunda.bpm.database.schema-update: true}), in one schema history:
 * <ol>
 * <li>before JPA, as Spring Boot does it: the product's tables, V1 to V29;</li>
 * <li>once the engine is built (it needs JPA's transaction manager, then creates or updates its
 * ACT_* tables): V30 and after, the performance indexes, some of them on the engine's tables.</li>
 * </ol>
 * So that an index on ACT_RU_TASK is a Flyway migration, applied once, on a fresh database as on an
 * old one, on H2 as on PostgreSQL. See docs/architecture.md (Flyway).
 *
 * <p>From the first phase to the second, the node holds the {@link StartupLock}: two nodes started
 * together on one empty database would otherwise both create the engine's tables (one fails, "relation
 * already exists"); the second node waits, then finds the schema, the deployment (duplicate filtering)
 * and every migration done.
 */
@Configuration(proxyBeanMethods = false)
public class FlywayAroundEngine {

  /**
   * The last version migrated before the engine starts; from the next one on, the engine's tables
   * exist. The "?" lets Flyway stop at the highest version up to 29 (V29: lots' funding rule and payment terms, instalments; a V29_n would come after the engine).
   */
  public static final String LAST_BEFORE_ENGINE = "29?";

  /** The start-up lock, from the first migrations to the last (taken and released on the main thread). */
  @Bean
  EngineStartLock engineStartLock() {
    return new EngineStartLock(new AtomicReference<>());
  }

  @Bean
  FlywayMigrationStrategy migrateBeforeEngine(StartupLock startupLock, EngineStartLock engineStartLock) {
    return flyway -> {
      engineStartLock.held().set(startupLock.acquire("migrations, schéma et déploiement du moteur"));
      Flyway.configure(flyway.getConfiguration().getClassLoader())
          .configuration(flyway.getConfiguration())
          .target(LAST_BEFORE_ENGINE)
          .load()
          .migrate();
    };
  }

  /**
   * Applies the migrations after {@link #LAST_BEFORE_ENGINE}: the engine, a parameter, has its schema
   * and its deployment. Then releases the start-up lock.
   */
  @Bean
  AfterEngineMigrations migrateAfterEngine(Flyway flyway, ProcessEngine engine, EngineStartLock engineStartLock) {
    try {
      MigrateResult result = flyway.migrate();
      return new AfterEngineMigrations(engine.getName(), result.migrationsExecuted);
    } finally {
      StartupLock.Held held = engineStartLock.held().getAndSet(null);
      if (held != null) {
        held.close();
      }
    }
  }

  /** Holds the start-up lock between the two phases. */
  public record EngineStartLock(AtomicReference<StartupLock.Held> held) {}

  /** What the second phase applied (a bean, so that it runs once, when the context starts). */
  public record AfterEngineMigrations(String engine, int migrationsExecuted) {}
}
