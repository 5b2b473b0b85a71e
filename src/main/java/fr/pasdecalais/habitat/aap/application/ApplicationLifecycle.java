package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The end of a dossier's process, as the call sees it. */
@Service
public class ApplicationLifecycle {

  private final RuntimeService runtime;
  private final ApplicationRepository applications;
  private final ApplicationCounterRepository counters;

  public ApplicationLifecycle(RuntimeService runtime, ApplicationRepository applications,
      ApplicationCounterRepository counters) {
    this.runtime = runtime;
    this.applications = applications;
    this.counters = counters;
  }

  /**
   * Marks the dossier as no longer active, then sends {@code Message_ApplicationEnded} to the call
   * (business key = call reference) when no dossier of the call is active any more. The call's
   * counter row is locked so that two dossiers ending together cannot both believe the other is
   * still running; the mark is written before the message, so that the call, counting again in the
   * same transaction, no longer counts this dossier.
   */
  @Transactional
  public boolean ended(long applicationId) {
    Application a = applications.findById(applicationId).orElseThrow();
    counters.lock(a.getCallReference());
    a.processEnded(EngineClock.now());
    applications.flush();
    if (applications.countByCallReferenceAndClosedAtIsNull(a.getCallReference()) > 0) {
      return false;
    }
    runtime.createMessageCorrelation(MSG_APPLICATION_ENDED).processInstanceBusinessKey(a.getCallReference())
        .correlateAllWithResult();
    return true;
  }
}
