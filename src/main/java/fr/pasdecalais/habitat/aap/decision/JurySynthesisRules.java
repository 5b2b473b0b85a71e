package fr.pasdecalais.habitat.aap.decision;

import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Établir la synthèse du jury", per proposal: a recommendation among those offered, a proposed
 * amount positive or zero and not above the amount requested (the cap of the dossier; the lot's
 * envelope is checked by {@link SelectionService}), strictly positive for a dossier retained, a
 * reason for a dossier not retained, units positive.
 */
@Component
public class JurySynthesisRules implements CompletionRules {

  private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999.99");

  @Override
  public String taskKey() {
    return CallProcess.TASK_SYNTHESIS;
  }

  @Override
  public void check(Completion c) {
    checkProposals(c, true);
  }

  /** The proposals' checks, with the jury's recommendation or without (a call selected without a jury). */
  static void checkProposals(Completion c, boolean withRecommendation) {
    List<Map<String, Object>> proposals = c.items("proposals", "Propositions");
    if (c.hasProblem("proposals")) {
      return;
    }
    if (proposals.isEmpty()) {
      c.problem("proposals", "« Propositions » : la synthèse ne contient aucune proposition.");
      return;
    }
    for (int i = 0; i < proposals.size(); i++) {
      Map<String, Object> p = proposals.get(i);
      String ref = String.valueOf(p.getOrDefault("applicationReference", "n° " + (i + 1)));
      String field = "proposals[" + i + "]";
      Object recommendation = p.get("recommendation");
      if (withRecommendation && recommendation == null || withRecommendation && !List.of("FAVORABLE", "RESERVE", "DEFAVORABLE").contains(recommendation.toString())) {
        c.problem(field + ".recommendation", "Dossier " + ref + " : « Recommandation du jury » : choisissez l'une des "
            + "réponses proposées.");
      }
      boolean granted = FormValues.bool(p.get("granted"));
      BigDecimal requested = null;
      try {
        requested = FormValues.amount(p.get("requestedAmount"));
      } catch (RuntimeException e) {
        // a read-only field: the service reads the dossier's own amount
      }
      Object proposedValue = p.get("proposedAmount");
      if (proposedValue == null || proposedValue.toString().isBlank()) {
        if (granted) {
          c.problem(field + ".proposedAmount", "Dossier " + ref + " : « Montant proposé (€) » est obligatoire pour un "
              + "dossier retenu.");
        }
      } else {
        BigDecimal proposed = c.bounded(field + ".proposedAmount", "Dossier " + ref + " : Montant proposé (€)",
            proposedValue, BigDecimal.ZERO, requested != null && requested.signum() > 0 ? requested : MAX_AMOUNT, false);
        if (proposed != null && granted && proposed.signum() == 0) {
          c.problem(field + ".proposedAmount", "Dossier " + ref + " : un dossier retenu a un montant proposé "
              + "strictement positif.");
        }
      }
      Object units = p.get("proposedUnits");
      if (units != null && !units.toString().isBlank()) {
        c.bounded(field + ".proposedUnits", "Dossier " + ref + " : Unités proposées", units, BigDecimal.ZERO,
            BigDecimal.valueOf(1_000_000), true);
      }
      Object reason = p.get("reason");
      if (!granted && (reason == null || reason.toString().isBlank())) {
        c.problem(field + ".reason", "Dossier " + ref + " : « Motif » est obligatoire pour un dossier non retenu.");
      } else if (reason != null && reason.toString().length() > 1000) {
        c.problem(field + ".reason", "Dossier " + ref + " : « Motif » ne peut dépasser 1000 caractères.");
      }
    }
  }
}
