package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An evaluation indicator of a call, whose values the reports collect. */
@Embeddable
public class Indicator {

  @Column(nullable = false, length = 40)
  private String code;
  @Column(nullable = false, length = 300)
  private String label;
  @Column(length = 40)
  private String unit;

  protected Indicator() {}

  public Indicator(String code, String label, String unit) {
    this.code = code;
    this.label = label;
    this.unit = unit;
  }

  public String getCode() {
    return code;
  }

  public String getLabel() {
    return label;
  }

  public String getUnit() {
    return unit;
  }
}
