package fr.pasdecalais.habitat.aap.application.process;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.application.Instruction;
import fr.pasdecalais.habitat.aap.identity.Actors;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer l'éligibilité". */
@Component
public class RecordEligibility implements JavaDelegate {
  private final Instruction service;

  public RecordEligibility(Instruction service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean eligible = FormValues.bool(execution.getVariable(VAR_ELIGIBLE));
    boolean auto = FormValues.bool(execution.getVariable(VAR_AUTO_ELIGIBLE));
    Long notificationId = service.recordEligibility(ApplicationExecution.applicationId(execution), eligible, auto,
        (String) execution.getVariable(VAR_ELIGIBILITY_REASON), Actors.lastAssignee(execution, TASK_CHECK_ELIGIBILITY))
        .orElse(null);
    execution.setVariable(ProcessContract.VAR_NOTIFICATION_ID, notificationId);
    execution.setVariable(VAR_ELIGIBLE, eligible);
  }
}
