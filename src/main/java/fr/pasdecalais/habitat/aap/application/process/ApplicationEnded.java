package fr.pasdecalais.habitat.aap.application.process;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.application.ApplicationLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the {@code application} process (every end, withdrawal and cancellation
 * included): tells the call, with {@code Message_ApplicationEnded}, when no dossier of the call
 * is still active.
 */
@Component
public class ApplicationEnded implements ExecutionListener {
  private final ApplicationLifecycle lifecycle;

  public ApplicationEnded(ApplicationLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object applicationId = execution.getVariable(VAR_APPLICATION_ID);
    if (applicationId instanceof Number id) {
      lifecycle.ended(id.longValue());
    }
  }
}
