package fr.pasdecalais.habitat.aap.call.process;

import static fr.pasdecalais.habitat.aap.call.process.CallProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.call.CallProcessService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Compter les candidatures". */
@Component
public class CountCandidates implements JavaDelegate {
  private final CallProcessService service;

  public CountCandidates(CallProcessService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long count = service.countActiveApplications((String) execution.getVariable(VAR_CALL_REFERENCE));
    execution.setVariable(VAR_CANDIDATE_COUNT, count);
    execution.setVariable(VAR_HAS_CANDIDATES, count > 0);
  }
}
