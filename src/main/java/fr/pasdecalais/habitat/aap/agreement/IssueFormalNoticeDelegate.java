package fr.pasdecalais.habitat.aap.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Établir la mise en demeure": the notice date recorded and the letter stored (sent by the next task). */
@Component("issueFormalNotice")
public class IssueFormalNoticeDelegate implements JavaDelegate {

  private final AgreementService agreements;

  public IssueFormalNoticeDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long agreementId = Delegates.agreementId(execution);
    execution.setVariable(GrantAgreementProcess.VAR_NOTIFICATION_ID,
        agreements.issueFormalNotice(agreementId, (String) execution.getVariable("terminationReason")));
    execution.setVariable("noticeSentLabel", AgreementService.french(agreements.get(agreementId).getNoticeSentOn()));
  }
}
