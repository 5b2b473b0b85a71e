package fr.pasdecalais.habitat.aap.agreement.process;

import fr.pasdecalais.habitat.aap.agreement.AgreementTerminationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Lever la mise en demeure": the operator remedied within two months. */
@Component
public class LiftFormalNotice implements JavaDelegate {

  private final AgreementTerminationService agreements;

  public LiftFormalNotice(AgreementTerminationService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    agreements.liftFormalNotice(AgreementExecution.agreementId(execution));
  }
}
