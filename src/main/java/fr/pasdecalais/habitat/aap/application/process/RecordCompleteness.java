package fr.pasdecalais.habitat.aap.application.process;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.application.Instruction;
import fr.pasdecalais.habitat.aap.identity.Actors;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer le résultat de la complétude": routes to eligibility, regularisation or rejection. */
@Component
public class RecordCompleteness implements JavaDelegate {
  private final Instruction service;

  public RecordCompleteness(Instruction service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean complete = FormValues.bool(execution.getVariable(VAR_COMPLETE));
    List<String> missing = FormValues.strings(execution.getVariable(VAR_MISSING_PIECES));
    Instruction.CompletenessResult result = service.recordCompleteness(ApplicationExecution.applicationId(execution), complete,
        missing, (String) execution.getVariable(VAR_MISSING_REASON), (String) execution.getVariable(VAR_COMPLETENESS_COMMENT),
        Actors.lastAssignee(execution, TASK_CHECK_COMPLETENESS));
    execution.setVariable(VAR_COMPLETENESS_OUTCOME, result.outcome().name());
    execution.setVariable(ProcessContract.VAR_NOTIFICATION_ID, result.notificationId());
    execution.setVariable(VAR_REGULARIZATION_DEADLINE, result.deadline());
  }
}
