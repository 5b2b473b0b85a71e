package fr.pasdecalais.habitat.aap.call.process;

import static fr.pasdecalais.habitat.aap.call.process.CallProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.call.CallProcessService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Vérifier les sélections", every lot closed: the call ran {@code call-selection} once for the whole
 * call ("Sélectionner et décider l'appel") or once per lot at its close (selection: PER_LOT); a
 * selection that ended at "Clos sans candidature" ({@code EndEvent_NoApplication}) had no dossier.
 * {@code hasCandidates}: some selection had dossiers (the call goes to its execution); none: the
 * call is closed out ("Appel clos sans candidature").
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
      service.closeOutWithoutCandidature((String) execution.getVariable(VAR_CALL_REFERENCE));
    }
  }
}
