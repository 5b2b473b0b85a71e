package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_JUSTIFIED_EXPENSES;

import fr.pasdecalais.habitat.aap.agreement.AgreementTerminationService;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Résilier la convention et demander le reversement": unspent advance reclaimed, letter stored. */
@Component
public class TerminateAgreement implements JavaDelegate {

  private final AgreementTerminationService agreements;

  public TerminateAgreement(AgreementTerminationService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BigDecimal justified = FormValues.amount(execution.getVariable(VAR_JUSTIFIED_EXPENSES));
    AgreementTerminationService.Termination t = agreements.terminate(AgreementExecution.agreementId(execution),
        justified == null ? BigDecimal.ZERO : justified);
    execution.setVariable(ProcessContract.VAR_NOTIFICATION_ID, t.notificationId());
  }
}
