package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Instruire l'avenant": the decision; an approved amendment changes the amount (strictly
 * positive) or the end date (not before the convention begins); a motivation.
 */
@Component
public class ReviewAmendmentRules implements CompletionRules {

  private final AgreementOfTask agreement;

  ReviewAmendmentRules(AgreementOfTask agreement) {
    this.agreement = agreement;
  }

  @Override
  public String taskKey() {
    return GrantAgreementProcess.TASK_REVIEW_AMENDMENT;
  }

  @Override
  @Transactional(readOnly = true)
  public void check(Completion c) {
    String decision = c.choice("amendmentDecision", "Décision", true, "APPROVED", "REFUSED");
    if ("APPROVED".equals(decision)) {
      BigDecimal amount = c.amount("amendmentNewAmount", "Nouveau montant de la convention (€)", false,
          new BigDecimal("0.01"), PrepareAgreementRules.MAX_AMOUNT);
      LocalDate end = c.date("amendmentNewPeriodEnd", "Nouvelle date de fin de la convention", false);
      LocalDate start = agreement.of(c).map(GrantAgreement::getPeriodStart).orElse(null);
      c.notBefore("amendmentNewPeriodEnd", "Nouvelle date de fin de la convention", end, start,
          "le début de la convention");
      if (amount == null && end == null && !c.hasProblem("amendmentNewAmount") && !c.hasProblem("amendmentNewPeriodEnd")) {
        c.problem("amendmentNewAmount", "« Nouveau montant de la convention (€) » : un avenant approuvé modifie le "
            + "montant ou la date de fin.");
      }
    }
    c.text("amendmentComment", "Motivation de la décision", true, 2000);
  }
}
