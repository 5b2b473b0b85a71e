package fr.pasdecalais.habitat.aap.decision;

import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la décision du Préfet": the decision's reference (arrêté or décision n°, at most 100
 * characters), its date not in the future, signed or not. No vote: the Préfet decides alone.
 */
@Component
public class RecordPrefectDecisionRules implements CompletionRules {

  @Override
  public String taskKey() {
    return CallProcess.TASK_RECORD_PREFECT_DECISION;
  }

  @Override
  public void check(Completion c) {
    c.text(CallProcess.VAR_DECISION_REFERENCE, "Référence de la décision (arrêté ou décision n°)", true, 100);
    c.pastDate(CallProcess.VAR_DELIBERATION_DATE, "Date de la décision", true);
    c.yesNo(CallProcess.VAR_DELIBERATION_ADOPTED, "Décision", true);
  }
}
