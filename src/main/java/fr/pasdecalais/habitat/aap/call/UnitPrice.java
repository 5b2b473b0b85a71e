package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A funded unit and its price (VEJ 162,38 €; mesure-mois 175 €; diagnostic 375 €…). */
@Embeddable
public class UnitPrice {

  @Column(nullable = false, length = 40)
  private String code;
  @Column(nullable = false, length = 200)
  private String label;
  @Column(nullable = false, precision = 14, scale = 2)
  private BigDecimal price;

  protected UnitPrice() {}

  public UnitPrice(String code, String label, BigDecimal price) {
    this.code = code;
    this.label = label;
    this.price = price;
  }

  public String getCode() {
    return code;
  }

  public String getLabel() {
    return label;
  }

  public BigDecimal getPrice() {
    return price;
  }
}
