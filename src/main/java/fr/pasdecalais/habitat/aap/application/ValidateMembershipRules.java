package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.application.process.MembershipProcess;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import org.springframework.stereotype.Component;

/** "Valider le rattachement d'un compte partenaire": the decision; a refusal says why (at most 1 000 characters). */
@Component
public class ValidateMembershipRules implements CompletionRules {

  @Override
  public String taskKey() {
    return MembershipProcess.TASK_VALIDATE;
  }

  @Override
  public void check(Completion c) {
    Boolean accepted = c.yesNo("membershipAccepted", "Décision", true);
    c.text("membershipRefusalReason", "Motif du refus", Boolean.FALSE.equals(accepted), 1000);
  }
}
