package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An intermediate instalment of a lot's payment terms: a share paid once an interim report is approved. */
@Embeddable
public class PaymentInstalment {

  @Column(nullable = false)
  private int percent;
  @Column(name = "after_report", nullable = false, length = 40)
  private String afterReport;

  protected PaymentInstalment() {}

  public PaymentInstalment(int percent, String afterReport) {
    this.percent = percent;
    this.afterReport = afterReport;
  }

  public int getPercent() {
    return percent;
  }

  /** Code of the interim report whose approval triggers the payment. */
  public String getAfterReport() {
    return afterReport;
  }
}
