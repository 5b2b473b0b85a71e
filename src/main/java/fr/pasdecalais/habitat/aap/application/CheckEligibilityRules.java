package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import org.springframework.stereotype.Component;

/**
 * "Vérifier l'éligibilité": the decision; a reason (at most 1 000 characters) unless the dossier is
 * declared eligible as the automatic checks found it.
 */
@Component
public class CheckEligibilityRules implements CompletionRules {

  @Override
  public String taskKey() {
    return ApplicationProcess.TASK_CHECK_ELIGIBILITY;
  }

  @Override
  public void check(Completion c) {
    Boolean eligible = c.yesNo("eligible", "Décision d'éligibilité", true);
    boolean asChecked = Boolean.TRUE.equals(eligible) && FormValues.bool(c.value("autoEligible"));
    c.text("eligibilityReason", "Motif", eligible != null && !asChecked, 1000);
  }
}
