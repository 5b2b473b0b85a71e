package fr.pasdecalais.habitat.aap.agreement.process;

import fr.pasdecalais.habitat.aap.agreement.AgreementFormService;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Rassembler les conditions de l'appel": what "Préparer la convention" shows and pre-fills. */
@Component
public class LoadAgreementTerms implements JavaDelegate {

  private final AgreementFormService agreements;

  public LoadAgreementTerms(AgreementFormService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(agreements.preparationVariables(
        (String) execution.getVariable(ProcessContract.VAR_CALL_REFERENCE),
        (String) execution.getVariable(ProcessContract.VAR_LOT_CODE),
        AgreementExecution.longVar(execution, ProcessContract.VAR_APPLICATION_ID)));
  }
}
