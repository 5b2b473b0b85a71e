package fr.pasdecalais.habitat.aap.call.process;

import static fr.pasdecalais.habitat.aap.call.process.CallProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.call.CallProcessService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Vérifier les lots sélectionnés": a call decided lot by lot, every lot closed. Each lot ran its
 * {@code call-selection}; one that ended at "Lot clos sans candidature" had no dossier to select.
 * {@code hasCandidates}: some lot had dossiers (the call goes to its execution); none: the call is
 * closed out ("Appel clos sans candidature"), as a whole call without candidature.
 */
@Component
public class CheckLotSelections implements JavaDelegate {
  private final CallProcessService service;
  private final HistoryService history;

  public CheckLotSelections(CallProcessService service, HistoryService history) {
    this.service = service;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean anyLotSelected = history.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(execution.getProcessInstanceId())
        .processDefinitionKey(SELECTION_KEY)
        .finished()
        .list().stream()
        .anyMatch(lot -> !END_NO_APPLICATION.equals(lot.getEndActivityId()));
    execution.setVariable(VAR_HAS_CANDIDATES, anyLotSelected);
    if (!anyLotSelected) {
      service.closeOutWithoutSelectedLot((String) execution.getVariable(VAR_CALL_REFERENCE));
    }
  }
}
