package fr.pasdecalais.habitat.aap.identity.ldap;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;

/**
 * Camunda's LDAP plugin (its configuration is this bean's properties, {@code aap.ldap.*}), whose
 * identity provider maps directory groups to the product's groups.
 */
public class MappedLdapIdentityProviderPlugin extends LdapIdentityProviderPlugin {

  private final LdapGroupMapping mapping;

  public MappedLdapIdentityProviderPlugin(LdapGroupMapping mapping) {
    this.mapping = mapping;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (serverUrl == null || serverUrl.isBlank()) {
      throw new IllegalStateException("Démarrage refusé : AAP_LDAP_URL est absent : indiquez l'adresse de "
          + "l'annuaire (ldap://… ou ldaps://…).");
    }
    super.preInit(configuration);
    MappedLdapIdentityProviderFactory factory = new MappedLdapIdentityProviderFactory(mapping);
    factory.setLdapConfiguration(this);
    configuration.setIdentityProviderSessionFactory(factory);
  }
}
