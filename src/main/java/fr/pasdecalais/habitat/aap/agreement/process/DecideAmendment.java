package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_AMENDMENT_APPROVED;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_AMENDMENT_COMMENT;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_AMENDMENT_DECISION;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_AMENDMENT_ERROR;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_AMENDMENT_NEW_AMOUNT;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_AMENDMENT_NEW_PERIOD_END;

import fr.pasdecalais.habitat.aap.agreement.AgreementAmendmentService;
import fr.pasdecalais.habitat.aap.agreement.AgreementFormService;
import fr.pasdecalais.habitat.aap.agreement.Amendment;
import fr.pasdecalais.habitat.aap.agreement.AmendmentStatus;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.ProcessVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer la décision sur l'avenant": approved (new amount and/or end) or refused. */
@Component
public class DecideAmendment implements JavaDelegate {

  private final AgreementAmendmentService agreements;
  private final AgreementFormService forms;

  public DecideAmendment(AgreementAmendmentService agreements, AgreementFormService forms) {
    this.agreements = agreements;
    this.forms = forms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean approved = "APPROVED".equals(execution.getVariable(VAR_AMENDMENT_DECISION));
    BigDecimal amount;
    LocalDate end;
    try {
      amount = approved ? FormValues.amount(execution.getVariable(VAR_AMENDMENT_NEW_AMOUNT)) : null;
      end = approved ? FormValues.date(execution.getVariable(VAR_AMENDMENT_NEW_PERIOD_END)) : null;
    } catch (IllegalArgumentException e) {
      throw new AgreementRuleExceptionAsBpmn(GrantAgreementProcess.ERROR_AMENDMENT_INVALID, e.getMessage());
    }
    Amendment a = AgreementExecution.bpmn(() -> agreements.decideAmendment(
        AgreementExecution.longVar(execution, GrantAgreementProcess.VAR_AMENDMENT_ID), approved, amount, end,
        (String) execution.getVariable(VAR_AMENDMENT_COMMENT)));
    execution.setVariable(VAR_AMENDMENT_APPROVED, a.getStatus() == AmendmentStatus.APPROVED);
    ProcessVariables.setChanged(execution, VAR_AMENDMENT_ERROR, null);
    ProcessVariables.setChanged(execution, forms.formVariables(AgreementExecution.agreementId(execution)));
  }
}
