package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_QUANTITIES;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_SERVICE_ERROR;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_SERVICE_RENDERED_ON;

import fr.pasdecalais.habitat.aap.agreement.AgreementSettlementService;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.ProcessVariables;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Calculer le montant dû et le solde": on service fait, the quantities entered are priced by the
 * call's funding rule (capped by the convention's amount); otherwise the amount due is the
 * convention's amount. Routes with {@code settlement} = BALANCE, RECOVERY or NONE.
 */
@Component
public class SettleAgreement implements JavaDelegate {

  private final AgreementSettlementService agreements;

  public SettleAgreement(AgreementSettlementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean serviceRendered = "SERVICE_FAIT".equals(AgreementExecution.schedule(execution).get("balanceOn"));
    Map<String, BigDecimal> actual = null;
    try {
      if (serviceRendered) {
        actual = new LinkedHashMap<>();
        for (Map<String, Object> line : FormValues.items(execution.getVariable(VAR_QUANTITIES))) {
          actual.put(String.valueOf(line.get("code")), FormValues.amount(line.get("value")));
        }
      }
      Map<String, BigDecimal> quantities = actual;
      String certifiedBy = serviceRendered ? AgreementExecution.completedBy(execution, GrantAgreementProcess.TASK_CERTIFY_SERVICE) : null;
      var settlement = AgreementExecution.bpmn(() -> agreements.settle(AgreementExecution.agreementId(execution), quantities,
          serviceRendered ? FormValues.date(execution.getVariable(VAR_SERVICE_RENDERED_ON)) : null, certifiedBy));
      execution.setVariable(GrantAgreementProcess.VAR_SETTLEMENT, switch (settlement.outcome()) {
        case BALANCE -> GrantAgreementProcess.SETTLEMENT_BALANCE;
        case RECOVERY -> GrantAgreementProcess.SETTLEMENT_RECOVERY;
        case NONE -> GrantAgreementProcess.SETTLEMENT_NONE;
      });
      ProcessVariables.setChanged(execution, VAR_SERVICE_ERROR, null);
    } catch (IllegalArgumentException e) {
      throw new AgreementRuleExceptionAsBpmn(GrantAgreementProcess.ERROR_QUANTITIES_INVALID, e.getMessage());
    }
  }
}
