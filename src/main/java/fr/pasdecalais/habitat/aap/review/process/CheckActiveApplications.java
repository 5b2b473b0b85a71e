package fr.pasdecalais.habitat.aap.review.process;

import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import static fr.pasdecalais.habitat.aap.call.process.CallProcess.VAR_ACTIVE_APPLICATIONS;
import static fr.pasdecalais.habitat.aap.call.process.CallProcess.VAR_REVIEW_SUMMARY;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_CALL_REFERENCE;

import fr.pasdecalais.habitat.aap.review.CallReviewService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Vérifier les dossiers en cours": the flag, and the final review's summary once no dossier runs. */
@Component
public class CheckActiveApplications implements JavaDelegate {
  private final CallReviewService service;

  public CheckActiveApplications(CallReviewService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CallReviewService.ExecutionCheck check = service.executionCheck((String) execution.getVariable(VAR_CALL_REFERENCE));
    execution.setVariable(VAR_ACTIVE_APPLICATIONS, check.activeApplications());
    if (!check.activeApplications()) {
      execution.setVariable(VAR_REVIEW_SUMMARY, check.reviewSummary());
    }
  }
}
