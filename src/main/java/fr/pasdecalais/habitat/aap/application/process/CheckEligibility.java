package fr.pasdecalais.habitat.aap.application.process;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.application.Instruction;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Contrôler l'éligibilité (contrôles automatiques)": what the agent's form shows. */
@Component
public class CheckEligibility implements JavaDelegate {
  private final Instruction service;

  public CheckEligibility(Instruction service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instruction.EligibilityChecks checks = service.eligibilityChecks(ApplicationExecution.applicationId(execution));
    execution.setVariable(VAR_AUTO_ELIGIBLE, checks.eligible());
    execution.setVariable(VAR_ELIGIBILITY_CHECKS, checks.text());
  }
}
