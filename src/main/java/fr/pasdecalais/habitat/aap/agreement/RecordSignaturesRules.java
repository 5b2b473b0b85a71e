package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** "Enregistrer les signatures": two signature dates, not in the future, not before the award decision. */
@Component
public class RecordSignaturesRules implements CompletionRules {

  private final AgreementOfTask agreement;

  RecordSignaturesRules(AgreementOfTask agreement) {
    this.agreement = agreement;
  }

  @Override
  public String taskKey() {
    return GrantAgreementProcess.TASK_RECORD_SIGNATURES;
  }

  @Override
  @Transactional(readOnly = true)
  public void check(Completion c) {
    LocalDate decision = agreement.of(c).map(GrantAgreement::getDecisionDate).orElse(null);
    LocalDate operator = c.pastDate("operatorSignedOn", "Date de signature par l'opérateur", true);
    c.notBefore("operatorSignedOn", "Date de signature par l'opérateur", operator, decision, "la décision d'attribution");
    LocalDate president = c.pastDate("presidentSignedOn", "Date de signature pour le financeur", true);
    c.notBefore("presidentSignedOn", "Date de signature pour le financeur", president, decision,
        "la décision d'attribution");
  }
}
