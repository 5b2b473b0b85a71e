package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.call.FundingKind;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Préparer la convention": an amount strictly positive and not above the amount of the award
 * decision, the volume retained (none for a FIXED rule), a decision date not in the future, a period that ends after it
 * begins, the terms checked.
 */
@Component
public class PrepareAgreementRules implements CompletionRules {

  static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999.99");

  private final AgreementOfTask agreement;

  PrepareAgreementRules(AgreementOfTask agreement) {
    this.agreement = agreement;
  }

  @Override
  public String taskKey() {
    return GrantAgreementProcess.TASK_PREPARE;
  }

  @Override
  @Transactional(readOnly = true)
  public void check(Completion c) {
    BigDecimal cap = MAX_AMOUNT;
    String capLabel = null;
    boolean volumeRequired = true;
    Long applicationId = c.id("applicationId");
    if (applicationId != null) {
      try {
        var granted = agreement.service().requireGrantedDossier(applicationId, null);
        volumeRequired = agreement.service().fundingRuleOf(granted.application()).kind() != FundingKind.FIXED;
        BigDecimal awarded = granted.award().getAmount();
        if (awarded != null) {
          cap = awarded;
          capLabel = "le montant attribué par la décision";
        }
      } catch (RuntimeException e) {
        // no granted decision: refused by the process itself, with its own message
      }
    }
    BigDecimal amount = c.amount("agreementAmount", "Montant accordé par la décision (€)", true, new BigDecimal("0.01"),
        null);
    if (amount != null && amount.compareTo(cap) > 0) {
      c.problem("agreementAmount", "« Montant accordé par la décision (€) » (" + Completion.number(amount)
          + ") dépasse " + (capLabel == null ? "le montant maximal" : capLabel) + " (" + Completion.number(cap) + ").");
    }
    // FIXED: the convention states the amount, there is no volume to type
    c.text("agreementUnits", "Volume retenu", volumeRequired, 500);
    c.pastDate("decisionDate", "Date de la décision d'attribution", true);
    LocalDate start = c.date("periodStart", "Début de la convention", true);
    LocalDate end = c.date("periodEnd", "Fin de la convention (incluse)", true);
    if (start != null && end != null && end.isBefore(start)) {
      c.problem("periodEnd", "« Fin de la convention (incluse) » (" + Completion.french(end)
          + ") précède son début (" + Completion.french(start) + ") : une convention ne se termine pas avant de commencer.");
    }
    c.ticked("termsChecked", "J'ai vérifié les modalités de versement et les obligations de compte rendu");
  }
}
