package fr.pasdecalais.habitat.aap.agreement.process;

import fr.pasdecalais.habitat.aap.agreement.AgreementService;
import fr.pasdecalais.habitat.aap.agreement.Amendment;
import fr.pasdecalais.habitat.aap.agreement.AmendmentStatus;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer la décision sur l'avenant": approved (new amount and/or end) or refused. */
@Component
public class DecideAmendment implements JavaDelegate {

  private final AgreementService agreements;

  public DecideAmendment(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean approved = "APPROVED".equals(execution.getVariable("amendmentDecision"));
    BigDecimal amount;
    LocalDate end;
    try {
      amount = approved ? FormValues.amount(execution.getVariable("amendmentNewAmount")) : null;
      end = approved ? FormValues.date(execution.getVariable("amendmentNewPeriodEnd")) : null;
    } catch (IllegalArgumentException e) {
      throw new AgreementRuleExceptionAsBpmn(GrantAgreementProcess.ERROR_AMENDMENT_INVALID, e.getMessage());
    }
    Amendment a = AgreementExecution.bpmn(() -> agreements.decideAmendment(
        AgreementExecution.longVar(execution, GrantAgreementProcess.VAR_AMENDMENT_ID), approved, amount, end,
        (String) execution.getVariable("amendmentComment")));
    execution.setVariable("amendmentApproved", a.getStatus() == AmendmentStatus.APPROVED);
    execution.setVariable("amendmentError", null);
    execution.setVariables(agreements.formVariables(AgreementExecution.agreementId(execution)));
  }
}
