package fr.pasdecalais.habitat.aap.decision;

import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.call.DecidingBody;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la délibération": for an assembly, a number like {@code 2023-326} and four vote
 * counts, whole and positive or zero, at least one vote cast, an adopted deliberation having more
 * votes for than against (one not adopted may fail for other reasons, e.g. the quorum); for the Préfet, the decision's reference.
 * Always a date not in the future and the decision (adopted or not).
 */
@Component
public class RecordDeliberationRules implements CompletionRules {

  static final int MAX_VOTES = 10_000;

  @Override
  public String taskKey() {
    return CallProcess.TASK_RECORD_DELIBERATION;
  }

  @Override
  public void check(Completion c) {
    c.pastDate("deliberationDate", "Date", true);
    Boolean adopted = c.yesNo("deliberationAdopted", "Décision", true);
    if (DecidingBody.PREFET.name().equals(String.valueOf(c.value(CallProcess.VAR_DECIDING_BODY)))) {
      c.text("decisionReference", "Référence de la décision du Préfet", true, 100);
      return;
    }
    c.identifier("deliberationNumber", "Numéro de la délibération", true, "[0-9]{4}-[0-9]{1,5}", "par exemple 2023-326");
    Integer votesFor = c.wholeNumber("votesFor", "Votes pour", true, 0, MAX_VOTES);
    Integer votesAgainst = c.wholeNumber("votesAgainst", "Votes contre", true, 0, MAX_VOTES);
    Integer abstention = c.wholeNumber("votesAbstention", "Abstentions", true, 0, MAX_VOTES);
    Integer absent = c.wholeNumber("votesAbsent", "Absents", true, 0, MAX_VOTES);
    if (votesFor == null || votesAgainst == null || abstention == null || absent == null) {
      return;
    }
    if (votesFor + votesAgainst + abstention == 0) {
      c.problem("votesFor", "« Votes pour » : aucun vote n'est exprimé (pour, contre et abstentions à zéro).");
    } else if (Boolean.TRUE.equals(adopted) && votesFor <= votesAgainst) {
      c.problem("votesFor", "« Votes pour » : une délibération adoptée a plus de votes pour (" + votesFor
          + ") que contre (" + votesAgainst + ").");
    }
  }

}
