package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Share of the granted amount paid at signature (100, 80, 60 or 0 %) and what triggers the rest. */
@Embeddable
public class PaymentTerms {

  @Column(name = "advance_percent", nullable = false)
  private int advancePercent;

  @Enumerated(EnumType.STRING)
  @Column(name = "balance_trigger", nullable = false, length = 30)
  private BalanceTrigger balanceTrigger;

  protected PaymentTerms() {}

  public PaymentTerms(int advancePercent, BalanceTrigger balanceTrigger) {
    this.advancePercent = advancePercent;
    this.balanceTrigger = balanceTrigger;
  }

  public int getAdvancePercent() {
    return advancePercent;
  }

  public BalanceTrigger getBalanceTrigger() {
    return balanceTrigger;
  }

  /** "60 % à la signature, solde au service fait". */
  public String frenchLabel() {
    if (advancePercent == 100 || balanceTrigger == BalanceTrigger.NONE) {
      return advancePercent + " % à la signature";
    }
    if (advancePercent == 0) {
      return "versement " + balanceTrigger.label();
    }
    return advancePercent + " % à la signature, solde " + balanceTrigger.label();
  }
}
