package fr.pasdecalais.habitat.aap.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls of our own API as the authenticated caller (its user id and groups): the
 * engine's authorizations and the completion rules of a task apply, and the engine records the
 * caller as who did it. The previous authentication is restored afterwards.
 */
@Component
public class EngineAsCaller {

  private final IdentityService identityService;

  public EngineAsCaller(IdentityService identityService) {
    this.identityService = identityService;
  }

  public void run(Caller caller, Runnable work) {
    Authentication before = identityService.getCurrentAuthentication();
    identityService.setAuthentication(caller.userId(), List.copyOf(caller.groups()));
    try {
      work.run();
    } finally {
      if (before == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(before);
      }
    }
  }
}
