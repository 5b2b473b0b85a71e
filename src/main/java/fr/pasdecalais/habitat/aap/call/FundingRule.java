package fr.pasdecalais.habitat.aap.call;

import java.math.BigDecimal;
import java.util.List;

/**
 * A call's funding rule, as {@link FundingCalculator} reads it.
 *
 * @param kind how the amount is computed
 * @param amount FIXED: the amount; CAP_PER_UNIT: the cap per unit; PRORATED: the amount for the base
 * @param unitLabel CAP_PER_UNIT: the unit (ETP, groupe…)
 * @param baseMonths PRORATED: months of the base (12)
 * @param baseQuantity PRORATED: situations of the base (100)
 * @param unitPrices UNIT_PRICES: the priced units
 */
public record FundingRule(FundingKind kind, BigDecimal amount, String unitLabel, Integer baseMonths,
    Integer baseQuantity, List<UnitPriceLine> unitPrices) {

  public FundingRule {
    unitPrices = unitPrices == null ? List.of() : List.copyOf(unitPrices);
  }

  /** A priced unit of the rule. */
  public record UnitPriceLine(String code, String label, BigDecimal price) {}

  public static FundingRule fixed(BigDecimal amount) {
    return new FundingRule(FundingKind.FIXED, amount, null, null, null, List.of());
  }

  public static FundingRule capPerUnit(BigDecimal cap, String unitLabel) {
    return new FundingRule(FundingKind.CAP_PER_UNIT, cap, unitLabel, null, null, List.of());
  }

  public static FundingRule prorated(BigDecimal amount, int baseMonths, int baseQuantity) {
    return new FundingRule(FundingKind.PRORATED, amount, null, baseMonths, baseQuantity, List.of());
  }

  public static FundingRule unitPrices(List<UnitPriceLine> prices) {
    return new FundingRule(FundingKind.UNIT_PRICES, null, null, null, null, prices);
  }
}
