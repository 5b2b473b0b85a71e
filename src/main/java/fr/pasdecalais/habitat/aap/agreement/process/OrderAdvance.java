package fr.pasdecalais.habitat.aap.agreement.process;

import fr.pasdecalais.habitat.aap.agreement.AgreementSettlementService;
import fr.pasdecalais.habitat.aap.payment.Payment;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Ordonner le versement à la signature": the share the payment-schedule decision gave, of the
 * convention's amount. Idempotent: a retried or re-executed job finds the order already there.
 */
@Component
public class OrderAdvance implements JavaDelegate {

  private final AgreementSettlementService agreements;

  public OrderAdvance(AgreementSettlementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> schedule = AgreementExecution.schedule(execution);
    Payment p = AgreementExecution.bpmn(() -> agreements.orderAdvance(AgreementExecution.agreementId(execution),
        ((Number) schedule.get("advancePercent")).intValue(), (String) schedule.get("balanceOn"),
        (String) schedule.get("scheduleLabel")));
    PaymentVariables.set(execution, p);
  }
}
