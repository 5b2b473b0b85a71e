package fr.pasdecalais.habitat.aap.decision.process;

import fr.pasdecalais.habitat.aap.shared.ProcessVariables;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import static fr.pasdecalais.habitat.aap.call.process.CallProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.decision.SelectionService;
import fr.pasdecalais.habitat.aap.shared.JsonVariables;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Vérifier l'enveloppe": a refused synthesis goes back to the form with the reason ({@code synthesisError}). */
@Component
public class CheckEnvelope implements JavaDelegate {
  private final SelectionService service;

  public CheckEnvelope(SelectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    try {
      String summary = service.checkAndStore((String) execution.getVariable(VAR_CALL_REFERENCE),
          CallProcess.selectedLot(execution),
          JsonVariables.tree(execution.getVariable(VAR_PROPOSALS)));
      execution.setVariable(VAR_PROPOSAL_SUMMARY, summary);
      ProcessVariables.setChanged(execution, VAR_SYNTHESIS_ERROR, null);
    } catch (SelectionService.SynthesisRefusedException e) {
      throw new BpmnError(ERROR_SYNTHESIS_REFUSED, e.getMessage());
    }
  }
}
