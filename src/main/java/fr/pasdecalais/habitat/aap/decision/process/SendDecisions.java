package fr.pasdecalais.habitat.aap.decision.process;

import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import static fr.pasdecalais.habitat.aap.call.process.CallProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.decision.DeliberationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Notifier les décisions". */
@Component
public class SendDecisions implements JavaDelegate {
  private final DeliberationService service;

  public SendDecisions(DeliberationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String summary = service.awardAndNotify((String) execution.getVariable(VAR_CALL_REFERENCE),
        ((Number) execution.getVariable(VAR_DELIBERATION_ID)).longValue());
    execution.setVariable(VAR_REVIEW_SUMMARY, summary);
  }
}
