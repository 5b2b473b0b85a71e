package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_OPERATOR_SIGNED_ON;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_PRESIDENT_SIGNED_ON;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_SIGNATURE_ERROR;

import fr.pasdecalais.habitat.aap.agreement.AgreementLifecycleService;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.ProcessVariables;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mettre la convention en vigueur": both signature dates checked and recorded, with who recorded them. */
@Component
public class SignAgreement implements JavaDelegate {

  private final AgreementLifecycleService agreements;

  public SignAgreement(AgreementLifecycleService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate operator;
    LocalDate president;
    try {
      operator = FormValues.date(execution.getVariable(VAR_OPERATOR_SIGNED_ON));
      president = FormValues.date(execution.getVariable(VAR_PRESIDENT_SIGNED_ON));
    } catch (IllegalArgumentException e) {
      throw new AgreementRuleExceptionAsBpmn(GrantAgreementProcess.ERROR_SIGNATURE_INVALID, e.getMessage());
    }
    String recordedBy = AgreementExecution.completedBy(execution, GrantAgreementProcess.TASK_RECORD_SIGNATURES);
    AgreementExecution.bpmn(() -> agreements.sign(AgreementExecution.agreementId(execution), operator, president, recordedBy));
    ProcessVariables.setChanged(execution, VAR_SIGNATURE_ERROR, null);
  }
}
