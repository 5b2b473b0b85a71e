package fr.pasdecalais.habitat.aap.call.process;

import static fr.pasdecalais.habitat.aap.call.process.CallProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.call.CallProcessService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Clore le lot". */
@Component
public class CloseLot implements JavaDelegate {
  private final CallProcessService service;

  public CloseLot(CallProcessService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.closeLot((String) execution.getVariable(VAR_CALL_REFERENCE), (String) execution.getVariable(VAR_LOT_CODE));
  }
}
