package fr.pasdecalais.habitat.aap.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls of our own API without the caller's engine authorizations: the API checks who
 * may do what itself (a partner account has no right on process instances, yet its dossier
 * submission starts one). The caller's authentication is restored afterwards.
 */
@Component
public class EngineAsSystem {

  private final IdentityService identityService;

  public EngineAsSystem(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Supplier<T> work) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
