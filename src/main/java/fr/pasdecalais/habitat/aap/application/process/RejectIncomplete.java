package fr.pasdecalais.habitat.aap.application.process;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.application.Instruction;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Rejeter le dossier incomplet". */
@Component
public class RejectIncomplete implements JavaDelegate {
  private final Instruction service;

  public RejectIncomplete(Instruction service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ProcessContract.VAR_NOTIFICATION_ID, service.rejectIncomplete(ApplicationExecution.applicationId(execution)));
    execution.setVariable(VAR_ELIGIBLE, false);
  }
}
