package fr.pasdecalais.habitat.aap.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one application of the browser tests ({@code *BrowserIT}, run by failsafe in a JVM of their
 * own in {@code mvn verify}): the default profile (demo users, password {@code demo}, the catalogue
 * and the demo dossiers) on an in-memory H2 database, on a random port. The job executor is off: the
 * tests run the due jobs and move the engine clock themselves (the application runs in the test's
 * JVM). Every browser test class uses exactly this annotation, so the context starts once.
 * {@link BrowserExtension} gives each class one Chromium ({@link Browser}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:aap-e2e;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {}
