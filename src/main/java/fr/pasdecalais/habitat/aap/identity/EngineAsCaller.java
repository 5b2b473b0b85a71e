package fr.pasdecalais.habitat.aap.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  /** Who the engine is running for (a Tasklist start, a task completion), with their groups; empty for the engine itself. */
  public Optional<Caller> current() {
    Authentication a = identityService.getCurrentAuthentication();
    if (a == null || a.getUserId() == null) {
      return Optional.empty();
    }
    return Optional.of(new Caller(a.getUserId(), a.getGroupIds() == null ? Set.of() : Set.copyOf(a.getGroupIds())));
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
