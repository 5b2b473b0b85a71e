package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.shared.FormValues;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Résilier la convention et demander le reversement": unspent advance reclaimed, letter stored. */
@Component("terminateAgreement")
public class TerminateAgreementDelegate implements JavaDelegate {

  private final AgreementService agreements;

  public TerminateAgreementDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BigDecimal justified = FormValues.amount(execution.getVariable("justifiedExpenses"));
    AgreementService.Termination t = agreements.terminate(Delegates.agreementId(execution),
        justified == null ? BigDecimal.ZERO : justified);
    execution.setVariable(GrantAgreementProcess.VAR_NOTIFICATION_ID, t.notificationId());
  }
}
