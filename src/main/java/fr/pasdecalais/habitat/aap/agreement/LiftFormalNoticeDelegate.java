package fr.pasdecalais.habitat.aap.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Lever la mise en demeure": the operator remedied within two months. */
@Component("liftFormalNotice")
public class LiftFormalNoticeDelegate implements JavaDelegate {

  private final AgreementService agreements;

  public LiftFormalNoticeDelegate(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    agreements.liftFormalNotice(Delegates.agreementId(execution));
  }
}
