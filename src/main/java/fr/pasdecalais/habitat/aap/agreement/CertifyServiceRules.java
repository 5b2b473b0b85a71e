package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Constater le service fait": every quantity with its code and a number positive or zero, the date of the finding
 * not in the future nor before the convention begins.
 */
@Component
public class CertifyServiceRules implements CompletionRules {

  private static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(1_000_000);

  private final AgreementOfTask agreement;

  CertifyServiceRules(AgreementOfTask agreement) {
    this.agreement = agreement;
  }

  @Override
  public String taskKey() {
    return GrantAgreementProcess.TASK_CERTIFY_SERVICE;
  }

  @Override
  @Transactional(readOnly = true)
  public void check(Completion c) {
    List<Map<String, Object>> quantities = c.items("quantities", "Réalisé");
    for (int i = 0; i < quantities.size(); i++) {
      Map<String, Object> q = quantities.get(i);
      String label = "Quantité réalisée — " + q.getOrDefault("label", q.getOrDefault("code", "n° " + (i + 1)));
      Object value = q.get("value");
      if (q.get("code") == null || q.get("code").toString().isBlank()) {
        // the settlement reads each quantity by its code: a row without one would be sent back after the task
        c.problem("quantities[" + i + "].code", "« " + label + " » : la ligne n'a pas de code ; rechargez le formulaire.");
      }
      if (value == null || value.toString().isBlank()) {
        c.problem("quantities[" + i + "].value", "« " + label + " » est obligatoire.");
      } else {
        c.bounded("quantities[" + i + "].value", label, value, BigDecimal.ZERO, MAX_QUANTITY, false);
      }
    }
    LocalDate start = agreement.of(c).map(GrantAgreement::getPeriodStart).orElse(null);
    LocalDate on = c.pastDate("serviceRenderedOn", "Date du constat du service fait", true);
    c.notBefore("serviceRenderedOn", "Date du constat du service fait", on, start, "le début de la convention");
  }
}
