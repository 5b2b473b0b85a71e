package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.util.List;

/**
 * The columns of a funding rule ({@code funding_*}), the same in {@code call_for_projects} (the call's
 * default) and {@code call_lot} (the lot's own); the priced units stay in each owner's own table.
 */
@Embeddable
public class FundingColumns {

  @Enumerated(EnumType.STRING)
  @Column(name = "funding_kind", nullable = false, length = 20)
  private FundingKind fundingKind;

  @Column(name = "funding_amount", precision = 14, scale = 2)
  private BigDecimal fundingAmount;

  @Column(name = "funding_unit_label", length = 60)
  private String fundingUnitLabel;

  @Column(name = "funding_base_months")
  private Integer fundingBaseMonths;

  @Column(name = "funding_base_quantity")
  private Integer fundingBaseQuantity;

  protected FundingColumns() {}

  FundingColumns(CallDefinition.Funding funding) {
    this.fundingKind = funding.kind();
    this.fundingAmount = funding.amount();
    this.fundingUnitLabel = funding.unitLabel();
    this.fundingBaseMonths = funding.baseMonths();
    this.fundingBaseQuantity = funding.baseQuantity();
  }

  /** The owner's priced units, as stored. */
  static void addUnitPrices(CallDefinition.Funding funding, List<UnitPrice> unitPrices) {
    funding.unitPrices().forEach(u -> unitPrices.add(new UnitPrice(u.code(), u.label(), u.price())));
  }

  FundingRule rule(List<UnitPrice> unitPrices) {
    return new FundingRule(fundingKind, fundingAmount, fundingUnitLabel, fundingBaseMonths, fundingBaseQuantity,
        unitPrices.stream().map(u -> new FundingRule.UnitPriceLine(u.getCode(), u.getLabel(), u.getPrice())).toList());
  }
}
