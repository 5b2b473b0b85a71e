package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Réceptionner le bilan final": a date not in the future nor before the convention's period, every
 * indicator's value (at most 500 characters), the analysis and the decision.
 */
@Component
public class ReceiveFinalReportRules implements CompletionRules {

  private final AgreementOfTask agreement;

  ReceiveFinalReportRules(AgreementOfTask agreement) {
    this.agreement = agreement;
  }

  @Override
  public String taskKey() {
    return GrantAgreementProcess.TASK_RECEIVE_FINAL;
  }

  @Override
  @Transactional(readOnly = true)
  public void check(Completion c) {
    List<Map<String, Object>> indicators = c.items("indicators", "Indicateurs d'évaluation de l'appel");
    for (int i = 0; i < indicators.size(); i++) {
      Object label = indicators.get(i).getOrDefault("label", "n° " + (i + 1));
      Object value = indicators.get(i).get("value");
      if (value == null || value.toString().isBlank()) {
        c.problem("indicators[" + i + "].value", "Indicateur « " + label + " » : « Valeur constatée » est obligatoire.");
      } else if (value.toString().length() > 500) {
        c.problem("indicators[" + i + "].value", "Indicateur « " + label + " » : « Valeur constatée » ne peut dépasser "
            + "500 caractères.");
      }
    }
    ReportRules.receivedOn(c, agreement, "Date de réception du bilan final");
    c.text("reportSummary", "Analyse qualitative du bilan", true, 4000);
    c.choice("finalReportDecision", "Décision sur le bilan final", true, "APPROVED", "REJECTED");
  }
}
