package fr.pasdecalais.habitat.aap.jury;

import fr.pasdecalais.habitat.aap.application.ApplicationTimeline;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.SelectionCriterion;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Donner un avis": each criterion's score a whole number within that criterion's scale (0 to its
 * maximum, e.g. 0–5), the opinion among those offered, a comment of at most 4 000 characters.
 */
@Component
public class GiveOpinionRules implements CompletionRules {

  private final ApplicationTimeline applications;
  private final CallCatalog calls;

  public GiveOpinionRules(ApplicationTimeline applications, CallCatalog calls) {
    this.applications = applications;
    this.calls = calls;
  }

  @Override
  public String taskKey() {
    return fr.pasdecalais.habitat.aap.jury.process.JuryProcess.TASK_GIVE_OPINION;
  }

  @Override
  @Transactional(readOnly = true)
  public void check(Completion c) {
    Long applicationId = c.id("applicationId");
    if (applicationId != null) {
      List<SelectionCriterion> criteria = applications.find(applicationId)
          .map(a -> calls.selectionCriteria(a.getCallReference())).orElse(List.of());
      for (int i = 0; i < Math.min(criteria.size(), 8); i++) {
        SelectionCriterion criterion = criteria.get(i);
        c.wholeNumber("score" + (i + 1), "Note — " + criterion.getLabel(), true, 0, criterion.getMaxScore());
      }
    }
    c.choice("avis", "Avis", true, "FAVORABLE", "FAVORABLE_AVEC_RESERVES", "DEFAVORABLE");
    c.text("opinionComment", "Commentaire", true, 4000);
  }

}
