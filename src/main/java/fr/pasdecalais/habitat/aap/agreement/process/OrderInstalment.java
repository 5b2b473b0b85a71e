package fr.pasdecalais.habitat.aap.agreement.process;

import fr.pasdecalais.habitat.aap.agreement.AgreementSettlementService;
import fr.pasdecalais.habitat.aap.payment.Payment;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Ordonner le versement intermédiaire": orders instalment {@code instalmentNumber} of the lot's
 * terms (its share computed once, idempotent). The order's variables are local to the event
 * subprocess, so that its mandate never mixes with the advance's or the balance's.
 */
@Component
public class OrderInstalment implements JavaDelegate {

  private final AgreementSettlementService agreements;

  public OrderInstalment(AgreementSettlementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int n = ((Number) execution.getVariable(GrantAgreementProcess.VAR_INSTALMENT_NUMBER)).intValue();
    Map<String, Object> local = new HashMap<>();
    for (String name : new String[] {GrantAgreementProcess.VAR_INSTALMENT_NUMBER, GrantAgreementProcess.VAR_PAYMENT_ID,
        GrantAgreementProcess.VAR_PAYMENT_ORDER_NUMBER, GrantAgreementProcess.VAR_PAYMENT_KIND_LABEL,
        GrantAgreementProcess.VAR_PAYMENT_AMOUNT_LABEL, GrantAgreementProcess.VAR_PAYMENT_ERROR,
        GrantAgreementProcess.VAR_PAYMENT_DATE, GrantAgreementProcess.VAR_MANDATE_NUMBER}) {
      local.put(name, null);
    }
    local.put(GrantAgreementProcess.VAR_INSTALMENT_NUMBER, n);
    execution.setVariablesLocal(local);
    Payment p = AgreementExecution.bpmn(() -> agreements.orderInstalment(AgreementExecution.agreementId(execution), n));
    PaymentVariables.set(execution, p);
  }
}
