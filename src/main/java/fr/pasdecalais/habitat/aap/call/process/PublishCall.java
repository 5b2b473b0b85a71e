package fr.pasdecalais.habitat.aap.call.process;

import static fr.pasdecalais.habitat.aap.call.process.CallProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.call.CallProcessService;
import fr.pasdecalais.habitat.aap.shared.JsonVariables;
import fr.pasdecalais.habitat.aap.shared.ProcessVariables;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Publier l'appel". */
@Component
public class PublishCall implements JavaDelegate {
  private final CallProcessService service;

  public PublishCall(CallProcessService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(VAR_CALL_REFERENCE);
    CallProcessService.PublishedCall call = service.publish(reference == null ? null : reference.trim());
    if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
      // Tasklist's start form « Appel à publier » starts the process without a business key: the call's
      // reference is the key its selection, its dossiers' messages and its tasks are found by
      execution.setProcessBusinessKey(call.reference());
    }
    ProcessVariables.setChanged(execution, VAR_CALL_REFERENCE, call.reference());
    ProcessVariables.setChanged(execution, VAR_REFERENCE, call.reference());
    execution.setVariable(VAR_CALL_TITLE, call.title());
    execution.setVariable(VAR_DECIDING_BODY, call.decidingBody().name());
    execution.setVariable(VAR_DECIDING_BODY_LABEL, call.decidingBody().label());
    execution.setVariable(VAR_LOT_CODES, new ArrayList<>(call.lotCodes()));
    execution.setVariable(VAR_ENVELOPE_LABEL, call.envelopeLabel());
    execution.setVariable(CallProcess.VAR_FUNDER_LABEL, service.funderLabel(call.reference()));
    execution.setVariable(VAR_JURY_CANDIDATES, JsonVariables.json(call.juryCandidates()));
    execution.setVariable(VAR_JURY_MEMBERS, JsonVariables.json(call.juryMembers()));
    execution.setVariable(VAR_SELECTION, call.selection().name());
    execution.setVariable(VAR_SELECTION_MODE, call.selectionMode().name());
  }
}
