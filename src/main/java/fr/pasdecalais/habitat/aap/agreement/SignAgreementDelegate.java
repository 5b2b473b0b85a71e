package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.shared.FormValues;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mettre la convention en vigueur": both signature dates checked and recorded, with who recorded them. */
@Component("signAgreement")
public class SignAgreementDelegate implements JavaDelegate {

  private final AgreementService agreements;

  public SignAgreementDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate operator;
    LocalDate president;
    try {
      operator = FormValues.date(execution.getVariable("operatorSignedOn"));
      president = FormValues.date(execution.getVariable("presidentSignedOn"));
    } catch (IllegalArgumentException e) {
      throw new AgreementRuleExceptionAsBpmn(GrantAgreementProcess.ERROR_SIGNATURE_INVALID, e.getMessage());
    }
    String recordedBy = Delegates.completedBy(execution, GrantAgreementProcess.TASK_RECORD_SIGNATURES);
    Delegates.bpmn(() -> agreements.sign(Delegates.agreementId(execution), operator, president, recordedBy));
    execution.setVariable("signatureError", null);
  }
}
