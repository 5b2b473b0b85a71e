package fr.pasdecalais.habitat.aap.decision.process;

import fr.pasdecalais.habitat.aap.shared.ProcessVariables;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import static fr.pasdecalais.habitat.aap.call.process.CallProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.decision.Deliberation;
import fr.pasdecalais.habitat.aap.decision.DeliberationService;
import fr.pasdecalais.habitat.aap.identity.Actors;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Contrôler la délibération": stores the act; a wrong record goes back to the form ({@code deliberationError}). */
@Component
public class SaveDeliberation implements JavaDelegate {
  private final DeliberationService service;

  public SaveDeliberation(DeliberationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object adopted = execution.getVariable(VAR_DELIBERATION_ADOPTED);
    DeliberationService.DeliberationInput in = new DeliberationService.DeliberationInput(
        (String) execution.getVariable(VAR_DELIBERATION_NUMBER),
        FormValues.date(execution.getVariable(VAR_DELIBERATION_DATE)),
        FormValues.integer(execution.getVariable(VAR_VOTES_FOR)),
        FormValues.integer(execution.getVariable(VAR_VOTES_AGAINST)),
        FormValues.integer(execution.getVariable(VAR_VOTES_ABSTENTION)),
        FormValues.integer(execution.getVariable(VAR_VOTES_ABSENT)),
        adopted == null ? null : Boolean.valueOf(adopted.toString()),
        (String) execution.getVariable(VAR_DECISION_REFERENCE));
    try {
      String recordedBy = Actors.lastAssignee(execution,
          TASK_SAVE_PREFECT_DECISION.equals(execution.getCurrentActivityId()) ? TASK_RECORD_PREFECT_DECISION
              : TASK_RECORD_DELIBERATION);
      Deliberation d = service.record((String) execution.getVariable(VAR_CALL_REFERENCE),
          CallProcess.selectedLot(execution), in,
          Actors.SYSTEM.equals(recordedBy) ? null : recordedBy);
      execution.setVariable(VAR_DELIBERATION_ID, d.getId());
      execution.setVariable(VAR_DELIBERATION_ADOPTED, d.isAdopted());
      ProcessVariables.setChanged(execution, VAR_DELIBERATION_ERROR, null);
    } catch (DeliberationService.InvalidDeliberationException e) {
      throw new BpmnError(ERROR_INVALID_DELIBERATION, e.getMessage());
    }
  }
}
