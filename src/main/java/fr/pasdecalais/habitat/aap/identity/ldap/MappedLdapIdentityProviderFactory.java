package fr.pasdecalais.habitat.aap.identity.ldap;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;

/** Opens a {@link MappedLdapIdentityProviderSession} for each engine command. */
public class MappedLdapIdentityProviderFactory extends LdapIdentityProviderFactory {

  private final LdapGroupMapping mapping;

  public MappedLdapIdentityProviderFactory(LdapGroupMapping mapping) {
    this.mapping = mapping;
  }

  @Override
  public Session openSession() {
    return new MappedLdapIdentityProviderSession(ldapConfiguration, mapping);
  }
}
