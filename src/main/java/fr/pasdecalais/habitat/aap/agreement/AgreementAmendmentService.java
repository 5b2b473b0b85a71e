package fr.pasdecalais.habitat.aap.agreement;

import static fr.pasdecalais.habitat.aap.agreement.AgreementDates.french;
import static fr.pasdecalais.habitat.aap.agreement.AgreementDates.today;

import fr.pasdecalais.habitat.aap.agreement.AgreementRuleException.Rule;
import fr.pasdecalais.habitat.aap.payment.PaymentRefusedException;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The avenants of a convention in force: requested, then approved (a new amount and/or end date)
 * or refused. Refusals are {@link AgreementRuleException}s naming {@code AMENDMENT}.
 */
@Service
public class AgreementAmendmentService {

  private final GrantAgreementRepository agreements;
  private final AmendmentRepository amendments;
  private final AgreementSettlementService settlement;

  public AgreementAmendmentService(GrantAgreementRepository agreements, AmendmentRepository amendments,
      AgreementSettlementService settlement) {
    this.agreements = agreements;
    this.amendments = amendments;
    this.settlement = settlement;
  }

  @Transactional
  public Amendment requestAmendment(Long agreementId, String reason) {
    GrantAgreement a = agreements.lockExisting(agreementId);
    int next = (int) amendments.countByAgreementId(a.getId()) + 1;
    String why = reason == null || reason.isBlank() ? "Demande d'avenant sans motif précisé" : reason.trim();
    return amendments.saveAndFlush(new Amendment(a, next, why.length() > 2000 ? why.substring(0, 2000) : why, EngineClock.now()));
  }

  /**
   * Approves or refuses an avenant. Approved: a new amount and/or a new end date (at least one),
   * the amount never below what was already ordered, the end never before the start; the previous
   * values stay in the amendment's row. The remaining payments follow the new amount.
   */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public Amendment decideAmendment(Long amendmentId, boolean approved, BigDecimal newAmount, LocalDate newPeriodEnd,
      String comment) {
    Amendment am = amendments.findById(amendmentId).orElseThrow(() -> new IllegalStateException(
        "Avenant " + amendmentId + " introuvable."));
    if (am.getStatus() != AmendmentStatus.REQUESTED) {
      return am;
    }
    GrantAgreement a = agreements.lockExisting(am.getAgreementId());
    if (approved) {
      List<String> problems = new ArrayList<>();
      if (newAmount == null && newPeriodEnd == null) {
        problems.add("un avenant approuvé modifie le montant ou la date de fin");
      }
      if (newAmount != null) {
        BigDecimal ordered = settlement.livePaid(a.getId());
        if (newAmount.signum() <= 0) {
          problems.add("le nouveau montant doit être strictement positif");
        } else if (newAmount.compareTo(ordered) < 0) {
          problems.add("le nouveau montant (" + Money.format(newAmount) + ") est inférieur aux sommes déjà versées ("
              + Money.format(ordered) + ")");
        }
      }
      if (newPeriodEnd != null && newPeriodEnd.isBefore(a.getPeriodStart())) {
        problems.add("la nouvelle fin (" + french(newPeriodEnd) + ") précède le début de la convention ("
            + french(a.getPeriodStart()) + ")");
      }
      if (!problems.isEmpty()) {
        throw new AgreementRuleException(Rule.AMENDMENT, "Avenant invalide : " + String.join(" ; ", problems) + ".");
      }
      a.amend(newAmount == null ? null : Money.of(newAmount), newPeriodEnd);
    }
    am.decide(approved, newAmount == null ? null : Money.of(newAmount), newPeriodEnd, today(), comment);
    return am;
  }

}
