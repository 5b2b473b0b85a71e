package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_AGREEMENT_AMOUNT;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_AGREEMENT_ERROR;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_AGREEMENT_UNITS;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_DECISION_DATE;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_PERIOD_END;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_PERIOD_START;

import fr.pasdecalais.habitat.aap.agreement.AgreementFormService;
import fr.pasdecalais.habitat.aap.agreement.AgreementLifecycleService;
import fr.pasdecalais.habitat.aap.agreement.GrantAgreement;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import fr.pasdecalais.habitat.aap.shared.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Établir la convention": stores the convention as prepared and generates its PDF. */
@Component
public class DraftAgreement implements JavaDelegate {

  private final AgreementLifecycleService agreements;
  private final AgreementFormService forms;

  public DraftAgreement(AgreementLifecycleService agreements, AgreementFormService forms) {
    this.agreements = agreements;
    this.forms = forms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AgreementLifecycleService.Draft draft;
    try {
      draft = new AgreementLifecycleService.Draft(
          AgreementExecution.longVar(execution, ProcessContract.VAR_APPLICATION_ID),
          FormValues.amount(execution.getVariable(VAR_AGREEMENT_AMOUNT)),
          (String) execution.getVariable(VAR_AGREEMENT_UNITS),
          FormValues.date(execution.getVariable(VAR_DECISION_DATE)),
          FormValues.date(execution.getVariable(VAR_PERIOD_START)),
          FormValues.date(execution.getVariable(VAR_PERIOD_END)));
    } catch (IllegalArgumentException e) {
      throw new AgreementRuleExceptionAsBpmn(GrantAgreementProcess.ERROR_AGREEMENT_INVALID, e.getMessage());
    }
    GrantAgreement a = AgreementExecution.bpmn(() -> agreements.draft(draft));
    execution.setVariable(GrantAgreementProcess.VAR_AGREEMENT_ID, a.getId());
    ProcessVariables.setChanged(execution, VAR_AGREEMENT_ERROR, null);
    ProcessVariables.setChanged(execution, forms.formVariables(a.getId()));
  }
}
