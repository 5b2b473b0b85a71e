package fr.pasdecalais.habitat.aap.call;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue serves a call read at its version (one statement) and loads it again when it changed:
 * readers share one read-only copy, a change is seen at the next read, a change rolled back is never
 * served, and a change goes through the catalogue on the call of its own transaction.
 */
@SpringScenarioTest
class CallSnapshotsTest {

  @Autowired CallCatalog catalog;
  @Autowired PlatformTransactionManager transactions;
  @PersistenceContext EntityManager entityManager;

  String reference;

  @BeforeEach
  void aDraftCall() {
    reference = TestCalls.uniqueReference("AAP-COPIE");
    catalog.create(TestCalls.prevention(reference, DecidingBody.COMMISSION_PERMANENTE));
  }

  @Test
  void anUnchangedCallIsLoadedOnceAndSharedByItsReaders() {
    CallForProjects first = catalog.getByReference(reference);
    CallForProjects second = catalog.getByReference(reference);

    assertThat(second).isSameAs(first);
    assertThat(catalog.getLot(reference, "AMI2")).isSameAs(first.lot("AMI2").orElseThrow());
    assertThat(catalog.getLot(reference, "AMI2").getCall().getReference()).isEqualTo(reference);
    assertThat(first.getLots()).extracting(CallLot::getCode).containsExactly("AMI1", "AMI2");
  }

  @Test
  void aChangeOfTheCallIsSeenAtTheNextRead() {
    CallForProjects draft = catalog.getByReference(reference);

    catalog.publish(reference);

    CallForProjects published = catalog.getByReference(reference);
    assertThat(published).isNotSameAs(draft);
    assertThat(published.getStatus()).isEqualTo(CallStatus.PUBLISHED);
    assertThat(published.getPublishedAt()).isNotNull();
    // the copy read before the change is left as it was read
    assertThat(draft.getStatus()).isEqualTo(CallStatus.DRAFT);
  }

  @Test
  void aChangeRolledBackIsNeverServed() {
    catalog.getByReference(reference);
    TransactionTemplate inOneTransaction = new TransactionTemplate(transactions);

    inOneTransaction.executeWithoutResult(tx -> {
      catalog.moveTo(reference, CallStatus.CLOSED_OUT);
      entityManager.flush();
      // the transaction reads what it wrote
      assertThat(catalog.getByReference(reference).getStatus()).isEqualTo(CallStatus.CLOSED_OUT);
      tx.setRollbackOnly();
    });

    assertThat(catalog.getByReference(reference).getStatus()).isEqualTo(CallStatus.DRAFT);
  }

  @Test
  void theSharedCopyIsNeverInAReadersPersistenceContext() {
    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
      CallForProjects read = catalog.getByReference(reference);
      assertThat(entityManager.contains(read)).isFalse();
      // a change in the same transaction works on the transaction's own call, and the next read sees it
      catalog.moveTo(reference, CallStatus.OPEN);
      entityManager.flush();
      assertThat(catalog.getByReference(reference).getStatus()).isEqualTo(CallStatus.OPEN);
      assertThat(read.getStatus()).isEqualTo(CallStatus.DRAFT);
    });
    assertThat(catalog.getByReference(reference).getStatus()).isEqualTo(CallStatus.OPEN);
  }

  @Test
  void anUnknownCallIsStillA404() {
    assertThat(catalog.findByReference("AAP-INCONNU-COPIE")).isEmpty();
  }
}
