package fr.pasdecalais.habitat.aap.agreement.process;

import fr.pasdecalais.habitat.aap.agreement.AgreementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Clôturer la convention": SIGNED → CLOSED. */
@Component
public class CloseAgreement implements JavaDelegate {

  private final AgreementService agreements;

  public CloseAgreement(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    agreements.close(AgreementExecution.agreementId(execution));
  }
}
