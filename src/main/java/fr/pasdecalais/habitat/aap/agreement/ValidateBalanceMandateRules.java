package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** "Valider le mandatement du solde": a payment date not in the future nor before the signature, a well-formed mandate number. */
@Component
public class ValidateBalanceMandateRules implements CompletionRules {

  private final AgreementOfTask agreement;

  ValidateBalanceMandateRules(AgreementOfTask agreement) {
    this.agreement = agreement;
  }

  @Override
  public String taskKey() {
    return GrantAgreementProcess.TASK_VALIDATE_BALANCE;
  }

  @Override
  @Transactional(readOnly = true)
  public void check(Completion c) {
    MandateRules.check(c, agreement);
  }
}
