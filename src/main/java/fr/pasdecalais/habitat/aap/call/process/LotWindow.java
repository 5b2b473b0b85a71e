package fr.pasdecalais.habitat.aap.call.process;

import static fr.pasdecalais.habitat.aap.call.process.CallProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.call.CallProcessService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Préparer les dates du lot": the lot's window, local to the lot's branch, for its timers. */
@Component
public class LotWindow implements JavaDelegate {
  private final CallProcessService service;

  public LotWindow(CallProcessService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CallProcessService.LotWindow w = service.lotWindow((String) execution.getVariable(VAR_CALL_REFERENCE),
        (String) execution.getVariable(VAR_LOT_CODE));
    execution.setVariableLocal(VAR_LOT_OPENS_AT, w.opensAtIso());
    execution.setVariableLocal(VAR_LOT_CLOSES_AT, w.closesAtIso());
  }
}
