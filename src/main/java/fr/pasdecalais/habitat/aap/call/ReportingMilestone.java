package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A report the holder owes, due {@code monthsAfterStart} months after the start of the convention. */
@Embeddable
public class ReportingMilestone {

  @Column(nullable = false, length = 40)
  private String code;
  @Column(nullable = false, length = 300)
  private String label;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private CallDefinition.ReportKind kind;
  @Column(name = "months_after_start", nullable = false)
  private int monthsAfterStart;

  protected ReportingMilestone() {}

  public ReportingMilestone(String code, String label, CallDefinition.ReportKind kind, int monthsAfterStart) {
    this.code = code;
    this.label = label;
    this.kind = kind;
    this.monthsAfterStart = monthsAfterStart;
  }

  public String getCode() {
    return code;
  }

  public String getLabel() {
    return label;
  }

  public CallDefinition.ReportKind getKind() {
    return kind;
  }

  public int getMonthsAfterStart() {
    return monthsAfterStart;
  }
}
