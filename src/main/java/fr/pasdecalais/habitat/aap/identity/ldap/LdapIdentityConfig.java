package fr.pasdecalais.habitat.aap.identity.ldap;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * Profile {@code ldap}: the engine's users and groups come from the directory (Camunda's LDAP
 * plugin, configured by {@code aap.ldap.*}, see {@code application-ldap.yaml}), its groups mapped to
 * the product's by {@code aap.ldap.group-mapping}. The identity service is then read-only: no local
 * account is created at start-up ({@code IdentitySetup}); authorizations and Tasklist filters, which
 * live in the engine's database, are granted to the product group ids as on any profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile("ldap")
public class LdapIdentityConfig {

  private static final Logger LOG = LoggerFactory.getLogger(LdapIdentityConfig.class);

  @Bean
  LdapGroupMapping ldapGroupMapping(Environment environment) {
    Map<String, String> configured = Binder.get(environment)
        .bind("aap.ldap.group-mapping", Bindable.mapOf(String.class, String.class))
        .orElse(Map.of());
    LdapGroupMapping mapping = LdapGroupMapping.of(configured);
    LOG.info("Annuaire LDAP : groupes de l'annuaire associés aux groupes de la plateforme {}", mapping.asMap());
    LdapGroupMapping.PRODUCT_GROUPS.stream().filter(g -> mapping.toDirectory(g) == null)
        .forEach(g -> LOG.warn("Annuaire LDAP : aucun groupe de l'annuaire n'est associé au groupe « {} »", g));
    return mapping;
  }

  /** The starter hands every {@code ProcessEnginePlugin} bean to the engine. */
  @Bean
  @ConfigurationProperties(prefix = "aap.ldap")
  MappedLdapIdentityProviderPlugin ldapIdentityProviderPlugin(LdapGroupMapping mapping) {
    return new MappedLdapIdentityProviderPlugin(mapping);
  }
}
