package fr.pasdecalais.habitat.aap.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;

/** Without demo data (the postgres profile), the app refuses to start with a weak administrator password. */
class AdminPasswordPolicyTest {

  @Test
  void refusesMissingOrTrivialPasswords() {
    assertThat(AdminPasswordPolicy.refusal(null, "Une-Phrase-De-Passe-Solide")).contains("AAP_ADMIN_USER");
    assertThat(AdminPasswordPolicy.refusal("admin", null)).contains("AAP_ADMIN_PASSWORD est absent");
    assertThat(AdminPasswordPolicy.refusal("admin", "court")).contains("trop court");
    assertThat(AdminPasswordPolicy.refusal("admin", "admin-admin-admin")).contains("trop simple");
    assertThat(AdminPasswordPolicy.refusal("root", "aaaaaaaaaaaaaaaa")).contains("trop simple");
    assertThat(AdminPasswordPolicy.refusal("admin", "Une-Phrase-De-Passe-Solide")).isNull();
  }

  @Test
  void startUpFailsWithoutDemoDataAndWithAWeakPassword() {
    IdentityProperties props = new IdentityProperties(new IdentityProperties.Admin("admin", "admin"),
        new IdentityProperties.DemoData(false));
    IdentitySetup setup = new IdentitySetup(mock(IdentityService.class), null, null, props);
    assertThatThrownBy(setup::afterPropertiesSet)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Démarrage refusé");

    IdentitySetup demo = new IdentitySetup(mock(IdentityService.class), null, null,
        new IdentityProperties(new IdentityProperties.Admin(null, null), new IdentityProperties.DemoData(true)));
    demo.afterPropertiesSet();
  }

  @Test
  void aDirectoryNeedsNoLocalAdministrator() {
    IdentityService directory = mock(IdentityService.class);
    when(directory.isReadOnly()).thenReturn(true);
    new IdentitySetup(directory, null, null, new IdentityProperties(new IdentityProperties.Admin(null, null),
        new IdentityProperties.DemoData(false))).afterPropertiesSet();
  }
}
