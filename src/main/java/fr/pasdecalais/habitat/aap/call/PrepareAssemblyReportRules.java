package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** "Préparer le rapport à l'assemblée": a session date not in the past, a bounded note, the report sent. */
@Component
public class PrepareAssemblyReportRules implements CompletionRules {

  @Override
  public String taskKey() {
    return CallProcess.TASK_PREPARE_REPORT;
  }

  @Override
  public void check(Completion c) {
    LocalDate session = c.date("assemblySessionDate", "Date de la séance de l'instance de décision", true);
    if (session != null && session.isBefore(c.today().minusYears(1))) {
      c.problem("assemblySessionDate", "« Date de la séance de l'instance de décision » (" + Completion.french(session)
          + ") est antérieure de plus d'un an : vérifiez l'année.");
    }
    if (session != null && session.isAfter(c.today().plusYears(2))) {
      c.problem("assemblySessionDate", "« Date de la séance de l'instance de décision » (" + Completion.french(session)
          + ") est à plus de deux ans : vérifiez l'année.");
    }
    c.text("reportNote", "Observations du rapport", false, 4000);
    c.ticked("reportSent", "Le rapport est transmis au secrétariat de l'assemblée");
  }
}
