package fr.pasdecalais.habitat.aap.identity.ldap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on profiles {@code test,ldap}: users and groups from {@link LdapTestDirectory}
 * (real LDAP, in the test JVM), its own in-memory H2 database (not the one of {@code SpringScenarioTest},
 * if ever in the same JVM). Every test class on the directory uses exactly this annotation, so that
 * their context starts once. Log in as {@code LdapTestDirectory.userFor(group)} with
 * {@code LdapTestDirectory.PASSWORD}.
 *
 * <p>Name such a class {@code *LdapIT}: failsafe runs those in a JVM of their own (pom.xml), because the
 * engine REST API and the webapps look their engine up in the JVM-wide {@code ProcessEngines} registry,
 * where a second application context would take the first one's place.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:aap-ldap-test;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"test", "ldap"})
@ContextConfiguration(initializers = LdapTestDirectory.Initializer.class)
public @interface LdapProfileTest {}
