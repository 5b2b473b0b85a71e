package fr.pasdecalais.habitat.aap.agreement.process;

import fr.pasdecalais.habitat.aap.agreement.AgreementFormService;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Rassembler les conditions de l'appel": what "Préparer la convention" shows and pre-fills, and the
 * group that will validate the mandates ({@link GrantAgreementProcess#VAR_PAYER_GROUP}), fixed by the
 * call's funder kind (the Département's finance service or the State's).
 */
@Component
public class LoadAgreementTerms implements JavaDelegate {

  private final AgreementFormService agreements;

  public LoadAgreementTerms(AgreementFormService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String callReference = (String) execution.getVariable(ProcessContract.VAR_CALL_REFERENCE);
    execution.setVariable(GrantAgreementProcess.VAR_PAYER_GROUP, agreements.payerGroup(callReference));
    execution.setVariable(GrantAgreementProcess.VAR_PAYER_LABEL, agreements.payerLabel(callReference));
    execution.setVariables(agreements.preparationVariables(
        callReference,
        (String) execution.getVariable(ProcessContract.VAR_LOT_CODE),
        AgreementExecution.longVar(execution, ProcessContract.VAR_APPLICATION_ID)));
  }
}
