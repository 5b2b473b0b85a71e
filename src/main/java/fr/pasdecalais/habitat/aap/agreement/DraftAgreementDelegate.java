package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Établir la convention": stores the convention as prepared and generates its PDF. */
@Component("draftAgreement")
public class DraftAgreementDelegate implements JavaDelegate {

  private final AgreementService agreements;

  public DraftAgreementDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AgreementService.Draft draft;
    try {
      draft = new AgreementService.Draft(
          Delegates.longVar(execution, ProcessContract.VAR_APPLICATION_ID),
          FormValues.amount(execution.getVariable("agreementAmount")),
          (String) execution.getVariable("agreementUnits"),
          FormValues.date(execution.getVariable("decisionDate")),
          FormValues.date(execution.getVariable("periodStart")),
          FormValues.date(execution.getVariable("periodEnd")));
    } catch (IllegalArgumentException e) {
      throw new AgreementRuleExceptionAsBpmn(GrantAgreementProcess.ERROR_AGREEMENT_INVALID, e.getMessage());
    }
    GrantAgreement a = Delegates.bpmn(() -> agreements.draft(draft));
    execution.setVariable(GrantAgreementProcess.VAR_AGREEMENT_ID, a.getId());
    execution.setVariable("agreementError", null);
    execution.setVariables(agreements.formVariables(a.getId()));
  }
}
