package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import org.springframework.stereotype.Component;

/** "Établir le bilan de l'appel": a review of 10 to 4 000 characters. */
@Component
public class FinalReviewRules implements CompletionRules {

  @Override
  public String taskKey() {
    return CallProcess.TASK_FINAL_REVIEW;
  }

  @Override
  public void check(Completion c) {
    c.text("reviewComment", "Bilan de l'appel", true, 10, 4000);
  }
}
