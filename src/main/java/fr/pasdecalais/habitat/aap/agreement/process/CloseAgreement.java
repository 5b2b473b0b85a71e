package fr.pasdecalais.habitat.aap.agreement.process;

import fr.pasdecalais.habitat.aap.agreement.AgreementLifecycleService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Clôturer la convention": SIGNED → CLOSED. */
@Component
public class CloseAgreement implements JavaDelegate {

  private final AgreementLifecycleService agreements;

  public CloseAgreement(AgreementLifecycleService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    agreements.close(AgreementExecution.agreementId(execution));
  }
}
