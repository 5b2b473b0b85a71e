package fr.pasdecalais.habitat.aap.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Clôturer la convention": SIGNED → CLOSED. */
@Component("closeAgreement")
public class CloseAgreementDelegate implements JavaDelegate {

  private final AgreementService agreements;

  public CloseAgreementDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    agreements.close(Delegates.agreementId(execution));
  }
}
