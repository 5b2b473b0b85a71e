package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_AMENDMENT_ERROR;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_AMENDMENT_REASON;

import fr.pasdecalais.habitat.aap.agreement.AgreementAmendmentService;
import fr.pasdecalais.habitat.aap.agreement.Amendment;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer la demande d'avenant": the request, with the convention's current amount and end kept. */
@Component
public class RegisterAmendment implements JavaDelegate {

  private final AgreementAmendmentService agreements;

  public RegisterAmendment(AgreementAmendmentService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Amendment a = agreements.requestAmendment(AgreementExecution.agreementId(execution),
        (String) execution.getVariable(VAR_AMENDMENT_REASON));
    execution.setVariable(GrantAgreementProcess.VAR_AMENDMENT_ID, a.getId());
    execution.setVariable(VAR_AMENDMENT_REASON, a.getReason());
    execution.setVariable(VAR_AMENDMENT_ERROR, null);
  }
}
