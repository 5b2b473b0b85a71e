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
 * indicator's value (a number ≥ 0 when the indicator has a unit, else a text of at most 500
 * characters), the analysis and the decision.
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
      Map<String, Object> line = indicators.get(i);
      Object label = line.getOrDefault("label", "n° " + (i + 1));
      if (line.get("code") == null || line.get("code").toString().isBlank()) {
        // the report's values are stored by indicator code: a row without one would be stored under "null"
        c.problem("indicators[" + i + "].code", "Indicateur « " + label + " » : la ligne n'a pas de code ; rechargez le formulaire.");
      }
      boolean numeric = Boolean.TRUE.equals(line.get("numeric"))
          || line.get("numeric") == null && AgreementFormService.numeric((String) line.get("unit"));
      Object value = numeric ? line.get("value") : line.getOrDefault("textValue", line.get("value"));
      if (value == null || value.toString().isBlank()) {
        c.problem("indicators[" + i + "].value", "Indicateur « " + label + " » : « Valeur constatée » est obligatoire.");
      } else if (numeric && !(value instanceof Number)) {
        c.problem("indicators[" + i + "].value", "Indicateur « " + label + " » : « Valeur constatée » est un nombre ("
            + line.get("unit") + "), pas un texte (« " + abbreviate(value.toString()) + " »).");
      } else if (numeric && ((Number) value).doubleValue() < 0) {
        c.problem("indicators[" + i + "].value", "Indicateur « " + label + " » : « Valeur constatée » ne peut être négative.");
      } else if (value.toString().length() > 500) {
        c.problem("indicators[" + i + "].value", "Indicateur « " + label + " » : « Valeur constatée » ne peut dépasser "
            + "500 caractères.");
      }
    }
    ReportRules.receivedOn(c, agreement, "Date de réception du bilan final");
    c.text("reportSummary", "Analyse qualitative du bilan", true, 4000);
    c.choice("finalReportDecision", "Décision sur le bilan final", true, "APPROVED", "REJECTED");
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
