package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_MANDATE_NUMBER;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_PAYMENT_DATE;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_PAYMENT_ERROR;

import fr.pasdecalais.habitat.aap.agreement.AgreementFormService;
import fr.pasdecalais.habitat.aap.agreement.AgreementSettlementService;
import fr.pasdecalais.habitat.aap.payment.PaymentRefusedException;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.ProcessVariables;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer le paiement": the mandate number and payment date entered by finances, and who validated it. */
@Component
public class ConfirmPayment implements JavaDelegate {

  private final AgreementSettlementService agreements;
  private final AgreementFormService forms;

  public ConfirmPayment(AgreementSettlementService agreements, AgreementFormService forms) {
    this.agreements = agreements;
    this.forms = forms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate paidOn;
    try {
      paidOn = FormValues.date(execution.getVariable(VAR_PAYMENT_DATE));
    } catch (IllegalArgumentException e) {
      throw new AgreementRuleExceptionAsBpmn(PaymentRefusedException.ERROR_CODE, e.getMessage());
    }
    String validatedBy = AgreementExecution.completedBy(execution, GrantAgreementProcess.TASK_VALIDATE_ADVANCE,
        GrantAgreementProcess.TASK_VALIDATE_BALANCE, GrantAgreementProcess.TASK_VALIDATE_INSTALMENT);
    Object paymentId = execution.getVariable(GrantAgreementProcess.VAR_PAYMENT_ID);
    AgreementExecution.bpmn(() -> agreements.confirmPayment(AgreementExecution.agreementId(execution),
        paymentId instanceof Number n ? n.longValue() : null, paidOn, (String) execution.getVariable(VAR_MANDATE_NUMBER),
        validatedBy));
    ProcessVariables.setChanged(execution, VAR_PAYMENT_ERROR, null);
    ProcessVariables.setChanged(execution, forms.formVariables(AgreementExecution.agreementId(execution)));
  }
}
