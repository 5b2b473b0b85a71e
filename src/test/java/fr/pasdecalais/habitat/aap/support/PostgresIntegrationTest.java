package fr.pasdecalais.habitat.aap.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context of the integration tests ({@code *IT}, run by failsafe in
 * {@code mvn verify}): the whole application on a real PostgreSQL, job executor off.
 * Every IT class uses exactly this annotation so that the context starts once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfig.class)
public @interface PostgresIntegrationTest {}
