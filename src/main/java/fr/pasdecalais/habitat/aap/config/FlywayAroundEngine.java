package fr.pasdecalais.habitat.aap.config;

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
 */
@Configuration(proxyBeanMethods = false)
public class FlywayAroundEngine {

  /**
   * The last version migrated before the engine starts; from the next one on, the engine's tables
   * exist. The "?" lets Flyway stop at the highest version up to 29 (V29: lots' funding rule and payment terms, instalments; a V29_n would come after the engine).
   */
  public static final String LAST_BEFORE_ENGINE = "29?";

  @Bean
  FlywayMigrationStrategy migrateBeforeEngine() {
    return flyway -> Flyway.configure(flyway.getConfiguration().getClassLoader())
        .configuration(flyway.getConfiguration())
        .target(LAST_BEFORE_ENGINE)
        .load()
        .migrate();
  }

  /** Applies the migrations after {@link #LAST_BEFORE_ENGINE}: the engine, a parameter, has its schema. */
  @Bean
  AfterEngineMigrations migrateAfterEngine(Flyway flyway, ProcessEngine engine) {
    MigrateResult result = flyway.migrate();
    return new AfterEngineMigrations(engine.getName(), result.migrationsExecuted);
  }

  /** What the second phase applied (a bean, so that it runs once, when the context starts). */
  public record AfterEngineMigrations(String engine, int migrationsExecuted) {}
}
