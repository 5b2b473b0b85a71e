package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import fr.pasdecalais.habitat.aap.shared.JsonVariables;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * "Vérifier la complétude": complete or not; when not, at least one missing piece, each one of the
 * call's pieces, a reason among those offered and a comment of at most 2 000 characters.
 */
@Component
public class CheckCompletenessRules implements CompletionRules {

  @Override
  public String taskKey() {
    return ApplicationProcess.TASK_CHECK_COMPLETENESS;
  }

  @Override
  public void check(Completion c) {
    Boolean complete = c.yesNo("complete", "Le dossier est-il complet ?", true);
    if (!Boolean.FALSE.equals(complete)) {
      return;
    }
    List<String> missing = c.strings("missingPieces");
    if (!c.hasProblem("missingPieces") && missing.isEmpty()) {
      c.problem("missingPieces", "« Pièces manquantes ou à remplacer » : cochez au moins une pièce.");
    }
    Set<String> offered = new HashSet<>();
    Object options = c.value("requiredPieceOptions");
    if (options != null) {
      try {
        JsonVariables.tree(options).forEach(o -> offered.add(o.path("value").asText()));
      } catch (RuntimeException e) {
        // no list to compare with: the service checks the codes
      }
    }
    if (!offered.isEmpty()) {
      missing.stream().filter(m -> !offered.contains(m)).findFirst().ifPresent(m -> c.problem("missingPieces",
          "« Pièces manquantes ou à remplacer » : « " + m + " » n'est pas une pièce de cet appel."));
    }
    c.choice("missingReason", "Motif", true, "MISSING", "INCORRECT", "OUTDATED");
    c.text("completenessComment", "Commentaire pour le porteur", false, 2000);
  }
}
