package fr.pasdecalais.habitat.aap.identity.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.identity.Groups;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LdapGroupMappingTest {

  @Test
  void translatesBothWaysIgnoringTheDirectorysCase() {
    LdapGroupMapping mapping = LdapGroupMapping.of(Map.of(
        Groups.INSTRUCTEURS, " GG-AAP-Instructeurs ", Groups.ADMIN, "GG-AAP-Admins", Groups.JURY, ""));
    assertThat(mapping.toProduct("gg-aap-instructeurs")).isEqualTo(Groups.INSTRUCTEURS);
    assertThat(mapping.toProduct("GG-AAP-ADMINS")).isEqualTo(Groups.ADMIN);
    assertThat(mapping.toDirectory(Groups.INSTRUCTEURS)).isEqualTo("GG-AAP-Instructeurs");
    // not mapped: unknown both ways, even under a product group's name
    assertThat(mapping.toProduct(Groups.INSTRUCTEURS)).isNull();
    assertThat(mapping.toProduct("Tous-Agents")).isNull();
    assertThat(mapping.toDirectory(Groups.JURY)).isNull();
    assertThat(mapping.productGroups()).containsExactlyInAnyOrder(Groups.INSTRUCTEURS, Groups.ADMIN);
  }

  @Test
  void refusesAMappingWithoutAdministrators() {
    assertThatThrownBy(() -> LdapGroupMapping.of(Map.of(Groups.INSTRUCTEURS, "GG-AAP-Instructeurs", Groups.ADMIN, " ")))
        .hasMessageContaining("AAP_LDAP_GROUP_ADMIN");
  }

  @Test
  void refusesAnUnknownProductGroup() {
    assertThatThrownBy(() -> LdapGroupMapping.of(Map.of("instructeur", "GG-AAP-Instructeurs", Groups.ADMIN, "GG-AAP-Admins")))
        .hasMessageContaining("« instructeur » inconnu");
  }

  @Test
  void refusesOneDirectoryGroupForTwoProductGroups() {
    Map<String, String> twice = new LinkedHashMap<>();
    twice.put(Groups.ADMIN, "GG-AAP-Admins");
    twice.put(Groups.SUPERVISEURS, "gg-aap-admins");
    assertThatThrownBy(() -> LdapGroupMapping.of(twice)).hasMessageContaining("associé à deux groupes");
  }
}
