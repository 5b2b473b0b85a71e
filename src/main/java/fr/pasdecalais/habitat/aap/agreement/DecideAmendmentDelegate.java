package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.shared.FormValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer la décision sur l'avenant": approved (new amount and/or end) or refused. */
@Component("decideAmendment")
public class DecideAmendmentDelegate implements JavaDelegate {

  private final AgreementService agreements;

  public DecideAmendmentDelegate(AgreementService agreements) {
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
    Amendment a = Delegates.bpmn(() -> agreements.decideAmendment(
        Delegates.longVar(execution, GrantAgreementProcess.VAR_AMENDMENT_ID), approved, amount, end,
        (String) execution.getVariable("amendmentComment")));
    execution.setVariable("amendmentApproved", a.getStatus() == AmendmentStatus.APPROVED);
    execution.setVariable("amendmentError", null);
    execution.setVariables(agreements.formVariables(Delegates.agreementId(execution)));
  }
}
