package fr.pasdecalais.habitat.aap.call;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SpringScenarioTest
class CallLifecycleTest {

  @Autowired CallLifecycle lifecycle;
  @Autowired CallCatalog catalog;
  @Autowired ProcessEngine engine;

  @Test
  void ensurePublishedCreatesACallAndItsProcessOnlyOnce() {
    String ref = TestCalls.uniqueReference("AAP-T-IDEM");
    CallDefinition definition = TestCalls.single(ref, DecidingBody.COMMISSION_PERMANENTE);
    assertThat(lifecycle.ensurePublished(definition)).isTrue();
    assertThat(lifecycle.ensurePublished(definition)).isFalse();
    assertThat(catalog.getByReference(ref).getStatus()).isEqualTo(CallStatus.PUBLISHED);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .processDefinitionKey(CallProcess.KEY).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(ref).singleResult().getId(), ProcessContract.VAR_CALL_REFERENCE))
        .isEqualTo(catalog.getByReference(ref).getReference());
  }
}
