package fr.pasdecalais.habitat.aap.agreement.process;

import fr.pasdecalais.habitat.aap.agreement.AgreementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Lever la mise en demeure": the operator remedied within two months. */
@Component
public class LiftFormalNotice implements JavaDelegate {

  private final AgreementService agreements;

  public LiftFormalNotice(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    agreements.liftFormalNotice(AgreementExecution.agreementId(execution));
  }
}
