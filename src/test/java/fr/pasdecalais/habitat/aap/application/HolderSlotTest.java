package fr.pasdecalais.habitat.aap.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/** On a call admitting one dossier per holder, the database itself refuses a second active dossier. */
@SpringScenarioTest
class HolderSlotTest {

  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;
  @Autowired ApplicationService service;
  @Autowired ApplicationRepository applications;
  @Autowired OrganizationRepository organizations;

  @Test
  void aSecondActiveDossierOfOneHolderOnALotIsRefusedByTheDatabaseAndAFinalOneFreesTheSlot() {
    CallForProjects call = new Dossiers(catalog, reader, service).call(false);
    Organization org = new Organization(Dossiers.siret(), Instant.now());
    org.update("Association Essai", "Association loi 1901", Dossiers.HOLDER_TYPE, new java.util.LinkedHashSet<>(),
        "1 rue de la Paix", "62000", "Arras", Dossiers.email(), "Jeanne Martin");
    organizations.saveAndFlush(org);
    Application first = dossier(call, org, "-9001");
    first.takeHolderSlot();
    applications.saveAndFlush(first);

    Application second = dossier(call, org, "-9002");
    second.takeHolderSlot();
    assertThatThrownBy(() -> applications.saveAndFlush(second)).isInstanceOf(DataIntegrityViolationException.class);

    first.moveTo(ApplicationState.WITHDRAWN, Instant.now());
    applications.saveAndFlush(first);
    Application third = dossier(call, org, "-9003");
    third.takeHolderSlot();
    assertThat(applications.saveAndFlush(third).getId()).isNotNull();
  }

  private static Application dossier(CallForProjects call, Organization org, String suffix) {
    return new Application(call.getReference() + suffix, call.getId(), call.getReference(), call.getLots().get(0).getId(),
        call.getLots().get(0).getCode(), org, Set.of("LENS_HENIN"), new BigDecimal("1000.00"), 1, "Essai.",
        Application.Channel.API, Instant.now(), "essai", Instant.now());
  }
}
