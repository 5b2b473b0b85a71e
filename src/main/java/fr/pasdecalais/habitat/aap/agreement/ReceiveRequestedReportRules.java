package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** "Réceptionner le bilan demandé": as an interim report, a date within the convention and not in the future, a summary. */
@Component
public class ReceiveRequestedReportRules implements CompletionRules {

  private final AgreementOfTask agreement;

  ReceiveRequestedReportRules(AgreementOfTask agreement) {
    this.agreement = agreement;
  }

  @Override
  public String taskKey() {
    return GrantAgreementProcess.TASK_RECEIVE_REQUESTED;
  }

  @Override
  @Transactional(readOnly = true)
  public void check(Completion c) {
    ReportRules.receivedOn(c, agreement, "Date de réception du bilan");
    c.text("reportSummary", "Synthèse du bilan", true, 4000);
  }
}
