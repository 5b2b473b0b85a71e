package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and publishing a call: the DRAFT row, then its {@code call-for-projects} instance
 * (business key = call reference), whose first step publishes it. One transaction: a refused
 * definition or a failing start leaves nothing behind.
 */
@Service
public class CallLifecycle {

  private final CallCatalog catalog;
  private final RuntimeService runtime;

  public CallLifecycle(CallCatalog catalog, RuntimeService runtime) {
    this.catalog = catalog;
    this.runtime = runtime;
  }

  /** Creates the call (400 / 409 on bad input) and, when {@code publish}, starts its process. */
  @Transactional
  public CallForProjects create(CallDefinition definition, boolean publish) {
    CallForProjects call = catalog.create(definition);
    if (publish) {
      startProcess(call.getReference());
    }
    return catalog.getByReference(call.getReference());
  }

  /** Starts the call's process, which publishes the DRAFT call. */
  @Transactional
  public ProcessInstance startProcess(String reference) {
    return runtime.startProcessInstanceByKey(CallProcess.KEY, reference,
        Map.of(ProcessContract.VAR_CALL_REFERENCE, reference, ProcessContract.VAR_REFERENCE, reference));
  }

  /** Creates and publishes the call unless a call with that reference exists. True when created. */
  @Transactional
  public boolean ensurePublished(CallDefinition definition) {
    if (catalog.findByReference(definition.reference()).isPresent()) {
      return false;
    }
    create(definition, true);
    return true;
  }
}
