package fr.pasdecalais.habitat.aap.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The jury's forms and checks read the call's selection criteria alone ({@link CallCatalog#selectionCriteria}),
 * not the whole call with its fifteen collections: the same criteria, in the call's order, and the same 404
 * for an unknown call.
 */
@SpringScenarioTest
class CallCriteriaReadingTest {

  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;

  @Test
  void theCriteriaReadAloneAreTheCallsInTheirOrderWithTheirWeightsAndScales() throws Exception {
    String ref = "AAP-CRIT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
    String yaml = new String(getClass().getResourceAsStream("/calls/aap-2023-astre.yaml").readAllBytes(), StandardCharsets.UTF_8)
        .replace("reference: AAP-2023-ASTRE", "reference: " + ref);
    catalog.create(reader.read(ref + ".yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));

    // the model's order (not alphabetical): RESEAU, EXPERIENCE, CONCERTATION, INNOVATION
    assertThat(catalog.selectionCriteria(ref))
        .extracting(SelectionCriterion::getCode, SelectionCriterion::getLabel, SelectionCriterion::getWeight,
            SelectionCriterion::getMaxScore)
        .containsExactlyElementsOf(catalog.getByReference(ref).getSelectionCriteria().stream()
            .map(c -> org.assertj.core.groups.Tuple.tuple(c.getCode(), c.getLabel(), c.getWeight(), c.getMaxScore()))
            .toList());
    assertThat(catalog.selectionCriteria(ref)).extracting(SelectionCriterion::getCode)
        .containsExactly("RESEAU", "EXPERIENCE", "CONCERTATION", "INNOVATION");
  }

  @Test
  void anUnknownCallIsA404AsWhenTheWholeCallIsRead() {
    assertThatThrownBy(() -> catalog.selectionCriteria("AAP-INCONNU-0000"))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getKind()).isEqualTo(DomainException.Kind.NOT_FOUND))
        .hasMessageContaining("AAP-INCONNU-0000");
  }
}
