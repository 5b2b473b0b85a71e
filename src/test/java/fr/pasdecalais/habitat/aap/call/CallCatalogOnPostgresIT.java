package fr.pasdecalais.habitat.aap.call;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.demo.DemoCalls;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.support.PostgresIntegrationTest;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/** The demo catalogue on PostgreSQL: loaded and published once, history calls run to their end, the 2027 call open. */
@PostgresIntegrationTest
class CallCatalogOnPostgresIT {

  @Autowired AutowireCapableBeanFactory beans;
  /** A demo loader is a bean only with {@code aap.demo-data.enabled}: made here without forking the context. */
  DemoCalls demoData;

  @BeforeEach
  void makeDemoLoader() {
    demoData = beans.createBean(DemoCalls.class);
  }
  @Autowired CallCatalog catalog;
  @Autowired ProcessEngine engine;

  @Test
  void theCatalogueIsLoadedOnceAndRunsOnItsDates() {
    demoData.load();
    assertThat(catalog.findAll()).extracting(CallForProjects::getReference).contains(
        "AAP-2023-INFO-JURIDIQUE", "AAP-2023-MICROCREDIT", "AAP-2023-LOGEMENT-JEUNES", "AAP-2023-NUMERO-VERT",
        "AAP-2023-ASTRE", "AAP-2023-COORDINATEURS-LDA", "AAP-2023-PREVENTION-EXPULSIONS", "AMI-2019-AML-LDA",
        "AAP-2027-ASTRE");
    long instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallProcess.KEY).count();

    // a restart on the same database creates nothing twice
    assertThat(demoData.load()).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallProcess.KEY).count())
        .isEqualTo(instances);

    ProcessTestSupport.clock("2026-11-23T10:00:00");
    try {
      ProcessTestSupport.executeDueJobs(engine);
      // history: windows long closed, no dossier in this database
      assertThat(catalog.getByReference("AAP-2023-PREVENTION-EXPULSIONS").getStatus()).isEqualTo(CallStatus.CLOSED_OUT);
      // demo edition: open today, both lots
      CallForProjects demo = catalog.getByReference("AAP-2027-ASTRE");
      assertThat(demo.getStatus()).isEqualTo(CallStatus.OPEN);
      Instant now = EngineClock.now();
      assertThat(demo.getLots()).allMatch(l -> catalog.isOpen(l, now));
      assertThat(catalog.getLot("AMI-2019-AML-LDA", "ARTOIS").getClosesAt().toString()).isEqualTo("2019-09-06T14:00Z");
      // the jury's reading of the criteria alone (JPQL on the element collection, in its order)
      assertThat(catalog.selectionCriteria("AAP-2027-ASTRE")).extracting(SelectionCriterion::getCode)
          .containsExactlyElementsOf(demo.getSelectionCriteria().stream().map(SelectionCriterion::getCode).toList())
          .isNotEmpty();
    } finally {
      ProcessTestSupport.resetClock();
    }
  }
}
