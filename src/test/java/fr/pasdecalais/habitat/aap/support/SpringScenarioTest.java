package fr.pasdecalais.habitat.aap.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context of the H2 tests (in-memory database, job executor off, no demo data):
 * every test class on H2 uses exactly this annotation and nothing that would fork the context
 * (no {@code @MockBean}, no extra properties), so the context is started once for the whole run.
 * Scenario tests drive jobs and timers themselves (see {@link ProcessTestSupport}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface SpringScenarioTest {}
