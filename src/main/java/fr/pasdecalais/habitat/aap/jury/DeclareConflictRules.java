package fr.pasdecalais.habitat.aap.jury;

import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import org.springframework.stereotype.Component;

/** "Déclarer un éventuel conflit d'intérêts": a yes/no answer; when yes, its nature (at most 1 000 characters). */
@Component
public class DeclareConflictRules implements CompletionRules {

  @Override
  public String taskKey() {
    return fr.pasdecalais.habitat.aap.jury.process.JuryProcess.TASK_DECLARE_CONFLICT;
  }

  @Override
  public void check(Completion c) {
    Boolean conflict = c.yesNo("conflictOfInterest", "Je déclare un conflit d'intérêts sur ce dossier", false);
    c.text("conflictReason", "Nature du conflit d'intérêts", Boolean.TRUE.equals(conflict), 1000);
  }
}
