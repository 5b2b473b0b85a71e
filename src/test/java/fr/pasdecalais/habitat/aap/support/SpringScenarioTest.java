package fr.pasdecalais.habitat.aap.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context of the H2 tests (in-memory database, job executor off, no demo data):
 * every test class on H2 uses exactly this annotation and nothing that would fork the context
 * (no {@code @MockBean}, no extra properties), so the context is started once for the whole run.
 * Scenario tests drive jobs and timers themselves (see {@link ProcessTestSupport}).
 *
 * <p>Process test coverage: {@link ProcessEngineCoverageConfiguration} is imported here, on the one
 * annotation, so the engine records the visited elements and flows without forking the context;
 * its test execution listener registers itself (the jar's {@code spring.factories}) and writes
 * {@code target/process-test-coverage/<test class>/} after each class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
public @interface SpringScenarioTest {}
