package fr.pasdecalais.habitat.aap.decision;

import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import org.springframework.stereotype.Component;

/**
 * "Établir la proposition de sélection" (a call selected without a jury): the checks of the jury's
 * synthesis ({@link JurySynthesisRules}) but no recommendation: per proposal an amount positive or
 * zero, not above the request, strictly positive when retained, a reason when not retained.
 */
@Component
public class ProposeSelectionRules implements CompletionRules {

  @Override
  public String taskKey() {
    return CallProcess.TASK_PROPOSE_SELECTION;
  }

  @Override
  public void check(Completion c) {
    JurySynthesisRules.checkProposals(c, false);
  }
}
