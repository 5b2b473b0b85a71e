package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import org.springframework.stereotype.Component;

/** "Traiter le retard du bilan final": the action among those offered and a comment. */
@Component
public class HandleLateFinalReportRules implements CompletionRules {

  @Override
  public String taskKey() {
    return GrantAgreementProcess.TASK_HANDLE_LATE_FINAL;
  }

  @Override
  public void check(Completion c) {
    c.choice("lateAction", "Suite donnée", true, "RELANCE_ECRITE", "MISE_EN_DEMEURE", "DELAI_ACCORDE");
    c.text("lateComment", "Commentaire", true, 2000);
  }
}
