package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** "Arrêter les dépenses justifiées": an amount positive or zero, not above the convention's; observations. */
@Component
public class StateJustifiedExpensesRules implements CompletionRules {

  private final AgreementOfTask agreement;

  StateJustifiedExpensesRules(AgreementOfTask agreement) {
    this.agreement = agreement;
  }

  @Override
  public String taskKey() {
    return GrantAgreementProcess.TASK_STATE_EXPENSES;
  }

  @Override
  @Transactional(readOnly = true)
  public void check(Completion c) {
    BigDecimal cap = agreement.of(c).map(GrantAgreement::getAmount).orElse(PrepareAgreementRules.MAX_AMOUNT);
    c.amount("justifiedExpenses", "Dépenses justifiées à la date de résiliation (€)", true, BigDecimal.ZERO, cap);
    c.text("terminationComment", "Observations", true, 2000);
  }
}
