package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_NOTICE_SENT_LABEL;
import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_TERMINATION_REASON;

import fr.pasdecalais.habitat.aap.agreement.AgreementDates;
import fr.pasdecalais.habitat.aap.agreement.AgreementLifecycleService;
import fr.pasdecalais.habitat.aap.agreement.AgreementTerminationService;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Établir la mise en demeure": the notice date recorded and the letter stored (sent by the next task). */
@Component
public class IssueFormalNotice implements JavaDelegate {

  private final AgreementTerminationService agreements;
  private final AgreementLifecycleService lifecycle;

  public IssueFormalNotice(AgreementTerminationService agreements, AgreementLifecycleService lifecycle) {
    this.agreements = agreements;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long agreementId = AgreementExecution.agreementId(execution);
    execution.setVariable(ProcessContract.VAR_NOTIFICATION_ID,
        agreements.issueFormalNotice(agreementId, (String) execution.getVariable(VAR_TERMINATION_REASON)));
    execution.setVariable(VAR_NOTICE_SENT_LABEL, AgreementDates.french(lifecycle.get(agreementId).getNoticeSentOn()));
  }
}
