package fr.pasdecalais.habitat.aap.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer la demande d'avenant": the request, with the convention's current amount and end kept. */
@Component("registerAmendment")
public class RegisterAmendmentDelegate implements JavaDelegate {

  private final AgreementService agreements;

  public RegisterAmendmentDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Amendment a = agreements.requestAmendment(Delegates.agreementId(execution),
        (String) execution.getVariable("amendmentReason"));
    execution.setVariable(GrantAgreementProcess.VAR_AMENDMENT_ID, a.getId());
    execution.setVariable("amendmentReason", a.getReason());
    execution.setVariable("amendmentError", null);
  }
}
