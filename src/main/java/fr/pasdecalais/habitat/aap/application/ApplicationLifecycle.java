package fr.pasdecalais.habitat.aap.application;

import static fr.pasdecalais.habitat.aap.application.ApplicationProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The end of a dossier's process, as the call sees it. */
@Service
public class ApplicationLifecycle {

  private final RuntimeService runtime;
  private final ApplicationCounterRepository counters;

  public ApplicationLifecycle(RuntimeService runtime, ApplicationCounterRepository counters) {
    this.runtime = runtime;
    this.counters = counters;
  }

  /**
   * Sends {@code Message_ApplicationEnded} to the call (business key = call reference) when the
   * ending instance is the call's last active dossier. The call's counter row is locked so that two
   * dossiers ending together cannot both believe the other is still running.
   */
  @Transactional
  public boolean ended(String callReference, String endingProcessInstanceId) {
    counters.lock(callReference);
    boolean othersActive = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .variableValueEquals(VAR_CALL_REFERENCE, callReference).list().stream()
        .anyMatch(pi -> !pi.getId().equals(endingProcessInstanceId));
    if (othersActive) {
      return false;
    }
    runtime.createMessageCorrelation(MSG_APPLICATION_ENDED).processInstanceBusinessKey(callReference)
        .correlateAllWithResult();
    return true;
  }
}
