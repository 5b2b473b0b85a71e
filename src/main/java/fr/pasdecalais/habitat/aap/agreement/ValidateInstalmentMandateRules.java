package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** "Valider le mandatement du versement intermédiaire": a payment date not in the future nor before the signature, a well-formed mandate number. */
@Component
public class ValidateInstalmentMandateRules implements CompletionRules {

  private final AgreementOfTask agreement;

  ValidateInstalmentMandateRules(AgreementOfTask agreement) {
    this.agreement = agreement;
  }

  @Override
  public String taskKey() {
    return GrantAgreementProcess.TASK_VALIDATE_INSTALMENT;
  }

  @Override
  @Transactional(readOnly = true)
  public void check(Completion c) {
    MandateRules.check(c, agreement);
  }
}
