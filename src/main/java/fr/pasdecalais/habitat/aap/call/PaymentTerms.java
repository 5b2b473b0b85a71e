package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Transient;
import java.util.ArrayList;
import java.util.List;

/**
 * Payment terms as a call (or one of its lots) states them: the share of the granted amount paid at
 * signature (any percentage 0–100), the intermediate instalments paid when an interim report is
 * approved, and what triggers the balance (the remainder). The call's own terms are embedded in
 * {@code call_for_projects}; a lot's are built by {@link CallLot#getPaymentTerms()}.
 */
@Embeddable
public class PaymentTerms {

  @Column(name = "advance_percent", nullable = false)
  private int advancePercent;

  @Enumerated(EnumType.STRING)
  @Column(name = "balance_trigger", nullable = false, length = 30)
  private BalanceTrigger balanceTrigger;

  @Transient
  private List<PaymentInstalment> instalments = new ArrayList<>();

  protected PaymentTerms() {}

  public PaymentTerms(int advancePercent, BalanceTrigger balanceTrigger) {
    this(advancePercent, balanceTrigger, List.of());
  }

  public PaymentTerms(int advancePercent, BalanceTrigger balanceTrigger, List<PaymentInstalment> instalments) {
    this.advancePercent = advancePercent;
    this.balanceTrigger = balanceTrigger;
    this.instalments = new ArrayList<>(instalments == null ? List.of() : instalments);
  }

  public int getAdvancePercent() {
    return advancePercent;
  }

  public BalanceTrigger getBalanceTrigger() {
    return balanceTrigger;
  }

  /** Intermediate instalments, in order (empty for most calls). */
  public List<PaymentInstalment> getInstalments() {
    return instalments == null ? List.of() : List.copyOf(instalments);
  }

  /** Percent of the granted amount paid at signature and by the intermediate instalments. */
  public int percentBeforeBalance() {
    return advancePercent + getInstalments().stream().mapToInt(PaymentInstalment::getPercent).sum();
  }

  /** "60 % à la signature, solde au service fait"; "30 % à la signature, 30 % au bilan BILAN_6M, solde au service fait". */
  public String frenchLabel() {
    StringBuilder s = new StringBuilder();
    if (advancePercent > 0) {
      s.append(advancePercent).append(" % à la signature");
    }
    for (PaymentInstalment i : getInstalments()) {
      s.append(s.length() == 0 ? "" : ", ").append(i.getPercent()).append(" % à l'approbation du bilan ")
          .append(i.getAfterReport());
    }
    if (balanceTrigger != BalanceTrigger.NONE && percentBeforeBalance() < 100) {
      s.append(s.length() == 0 ? "versement " : ", solde ").append(balanceTrigger.label());
    }
    return s.toString();
  }
}
