package fr.pasdecalais.habitat.aap.identity.ldap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.identity.Groups;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

class MappedLdapIdentityProviderPluginTest {

  @Test
  void refusesToStartWithoutTheDirectorysAddress() {
    MappedLdapIdentityProviderPlugin plugin =
        new MappedLdapIdentityProviderPlugin(LdapGroupMapping.of(Map.of(Groups.ADMIN, "GG-AAP-Admins")));
    plugin.setServerUrl(" ");
    assertThatThrownBy(() -> plugin.preInit(new StandaloneInMemProcessEngineConfiguration()))
        .hasMessageContaining("AAP_LDAP_URL est absent");
  }
}
