package fr.pasdecalais.habitat.aap.decision.process;

import fr.pasdecalais.habitat.aap.shared.ProcessVariables;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import static fr.pasdecalais.habitat.aap.call.process.CallProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.decision.SelectionService;
import fr.pasdecalais.habitat.aap.shared.JsonVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Calculer le classement": the synthesis form's list, pre-filled. */
@Component
public class RankCandidates implements JavaDelegate {
  private final SelectionService service;

  public RankCandidates(SelectionService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(VAR_PROPOSALS, JsonVariables.json(service.ranking((String) execution.getVariable(VAR_CALL_REFERENCE),
        CallProcess.selectedLot(execution))));
    ProcessVariables.setChanged(execution, VAR_SYNTHESIS_ERROR, null);
  }
}
