package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import org.springframework.stereotype.Component;

/**
 * "Préparer la proposition de décision au Préfet": the date it was sent to the prefecture, not in
 * the future, a bounded note, the proposal sent.
 */
@Component
public class PreparePrefectProposalRules implements CompletionRules {

  @Override
  public String taskKey() {
    return CallProcess.TASK_PREPARE_PREFECT_PROPOSAL;
  }

  @Override
  public void check(Completion c) {
    c.pastDate(CallProcess.VAR_PREFECT_PROPOSAL_DATE, "Date de transmission à la préfecture", true);
    c.text(CallProcess.VAR_PREFECT_PROPOSAL_NOTE, "Observations de la proposition", false, 4000);
    c.ticked(CallProcess.VAR_PREFECT_PROPOSAL_SENT, "La proposition de décision est transmise au Préfet");
  }
}
