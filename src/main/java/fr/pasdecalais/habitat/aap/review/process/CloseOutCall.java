package fr.pasdecalais.habitat.aap.review.process;

import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_CALL_REFERENCE;
import static fr.pasdecalais.habitat.aap.call.process.CallProcess.VAR_REVIEW_COMMENT;

import fr.pasdecalais.habitat.aap.review.CallReviewService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Solder l'appel". */
@Component
public class CloseOutCall implements JavaDelegate {
  private final CallReviewService service;

  public CloseOutCall(CallReviewService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.closeOut((String) execution.getVariable(VAR_CALL_REFERENCE),
        (String) execution.getVariable(VAR_REVIEW_COMMENT), null);
  }
}
