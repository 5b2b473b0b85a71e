package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import org.springframework.stereotype.Component;

/** "Attendre les pièces (pièces reçues)": which pieces were received, at most 1 000 characters. */
@Component
public class AwaitPiecesRules implements CompletionRules {

  @Override
  public String taskKey() {
    return ApplicationProcess.TASK_AWAIT_PIECES;
  }

  @Override
  public void check(Completion c) {
    c.text("piecesComment", "Pièces reçues (lesquelles, comment, quand)", true, 1000);
  }
}
