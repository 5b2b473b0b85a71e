package fr.pasdecalais.habitat.aap.application.process;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.application.Submissions;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Déclarer le dossier irrecevable (hors délai)". */
@Component
public class DeclareLate implements JavaDelegate {
  private final Submissions service;

  public DeclareLate(Submissions service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ProcessContract.VAR_NOTIFICATION_ID, service.declareLate(ApplicationExecution.applicationId(execution)));
  }
}
