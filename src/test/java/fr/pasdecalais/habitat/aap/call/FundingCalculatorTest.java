package fr.pasdecalais.habitat.aap.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.call.FundingCalculator.Quantities;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documents' numbers, to the cent. */
class FundingCalculatorTest {

  private final FundingCalculator calculator = new FundingCalculator();

  private static BigDecimal eur(String amount) {
    return new BigDecimal(amount);
  }

  private static final FundingRule PREVENTION = FundingRule.unitPrices(List.of(
      new FundingRule.UnitPriceLine("VEJ", "Visite explicative de jugement", eur("162.38")),
      new FundingRule.UnitPriceLine("PORTE_CLOSE", "Porte close", eur("39.12"))));

  private static final FundingRule ASTRE = FundingRule.unitPrices(List.of(
      new FundingRule.UnitPriceLine("MESURE_MOIS", "Mois de mesure", eur("175.00")),
      new FundingRule.UnitPriceLine("DIAGNOSTIC", "Diagnostic", eur("375.00"))));

  @Test
  void microcreditSixMonthsAndFiftySituationsIs7500() {
    FundingRule rule = FundingRule.prorated(eur("15000.00"), 12, 100);
    assertThat(calculator.amount(rule, Quantities.prorated(6, 50))).isEqualByComparingTo("7500.00").hasToString("7500.00");
    assertThat(calculator.amount(rule, Quantities.prorated(12, 100))).hasToString("15000.00");
    // prorated by the smaller ratio: 12 months but 50 situations studied
    assertThat(calculator.amount(rule, Quantities.prorated(12, 50))).hasToString("7500.00");
    // never above the base amount
    assertThat(calculator.amount(rule, Quantities.prorated(12, 130))).hasToString("15000.00");
    // 7 months, 100 situations: 15 000 × 7/12 = 8 750,00
    assertThat(calculator.amount(rule, Quantities.prorated(7, 100))).hasToString("8750.00");
    // 5 months, 50 situations: 15 000 × 5/12 = 6 250,00 ; 1 month: 1 250,00
    assertThat(calculator.amount(rule, Quantities.prorated(1, 100))).hasToString("1250.00");
    assertThat(calculator.split(eur("7500.00"), 100)).isEqualTo(
        new FundingCalculator.PaymentSplit(eur("7500.00"), eur("7500.00"), eur("0.00")));
  }

  @Test
  void astreTwentyMeasuresOfTwelveMonthsIs42000WithAnAdvanceOf80Percent() {
    BigDecimal granted = calculator.amount(ASTRE, Quantities.of(Map.of("MESURE_MOIS", BigDecimal.valueOf(20 * 12))));
    assertThat(granted).hasToString("42000.00");
    FundingCalculator.PaymentSplit split = calculator.split(granted, 80);
    assertThat(split.advance()).hasToString("33600.00");
    assertThat(split.balance()).hasToString("8400.00");
  }

  @Test
  void preventionAmi2Is157VisitsWithAnAdvanceOf60Percent() {
    BigDecimal granted = calculator.amount(PREVENTION, Quantities.of(Map.of("VEJ", BigDecimal.valueOf(157))));
    assertThat(granted).hasToString("25493.66");
    FundingCalculator.PaymentSplit split = calculator.split(granted, 60);
    assertThat(split.advance()).hasToString("15296.20");
    assertThat(split.balance()).hasToString("10197.46");
    assertThat(split.advance().add(split.balance())).isEqualTo(granted);
  }

  @Test
  void severalUnitsAreAddedUp() {
    BigDecimal amount = calculator.amount(PREVENTION, Quantities.of(Map.of(
        "VEJ", BigDecimal.valueOf(10), "PORTE_CLOSE", BigDecimal.valueOf(3))));
    assertThat(amount).hasToString("1741.16"); // 1 623,80 + 117,36
  }

  @Test
  void coordinatorIsCappedAt55000PerEtp() {
    FundingRule rule = FundingRule.capPerUnit(eur("55000.00"), "ETP");
    assertThat(calculator.amount(rule, Quantities.units(eur("61200.00"), BigDecimal.ONE))).hasToString("55000.00");
    assertThat(calculator.amount(rule, Quantities.units(eur("48750.50"), BigDecimal.ONE))).hasToString("48750.50");
    assertThat(calculator.amount(rule, Quantities.units(null, new BigDecimal("0.5")))).hasToString("27500.00");
    FundingCalculator.PaymentSplit split = calculator.split(eur("55000.00"), 60);
    assertThat(split.advance()).hasToString("33000.00");
    assertThat(split.balance()).hasToString("22000.00");
  }

  @Test
  void fixedAmountAndRoundingOfTheAdvance() {
    assertThat(calculator.amount(FundingRule.fixed(eur("100000.00")), Quantities.requested(null))).hasToString("100000.00");
    assertThat(calculator.amount(FundingRule.fixed(eur("18000.00")), Quantities.requested(eur("12000")))).hasToString("12000.00");
    // 60 % of 0,05 € = 0,03 € (HALF_UP), the balance is the remainder
    FundingCalculator.PaymentSplit split = calculator.split(eur("0.05"), 60);
    assertThat(split.advance()).hasToString("0.03");
    assertThat(split.balance()).hasToString("0.02");
    assertThat(calculator.split(eur("18000.00"), 0).balance()).hasToString("18000.00");
  }

  @Test
  void amountDueOnServiceFaitIsCappedByTheGrantedAmount() {
    BigDecimal granted = eur("42000.00");
    // 220 measure-months and 2 diagnostics: 38 500 + 750 = 39 250,00
    assertThat(calculator.amountDue(ASTRE, Quantities.of(Map.of("MESURE_MOIS", BigDecimal.valueOf(220),
        "DIAGNOSTIC", BigDecimal.valueOf(2))), granted)).hasToString("39250.00");
    // 240 measure-months and 4 diagnostics exceed the envelope: capped
    assertThat(calculator.amountDue(ASTRE, Quantities.of(Map.of("MESURE_MOIS", BigDecimal.valueOf(240),
        "DIAGNOSTIC", BigDecimal.valueOf(4))), granted)).hasToString("42000.00");
    FundingCalculator.Settlement s = calculator.settle(eur("39250.00"), eur("33600.00"));
    assertThat(s.balanceToPay()).hasToString("5650.00");
    assertThat(s.toRecover()).hasToString("0.00");
    FundingCalculator.Settlement recovery = calculator.settle(eur("30000.00"), eur("33600.00"));
    assertThat(recovery.balanceToPay()).hasToString("0.00");
    assertThat(recovery.toRecover()).hasToString("3600.00");
  }

  @Test
  void unknownUnitOrNegativeQuantityIsRefusedInFrench() {
    assertThatThrownBy(() -> calculator.amount(PREVENTION, Quantities.of(Map.of("NUITEE", BigDecimal.ONE))))
        .hasMessage("L'unité « NUITEE » n'est pas financée par cet appel.");
    assertThatThrownBy(() -> calculator.amount(PREVENTION, Quantities.of(Map.of("VEJ", BigDecimal.valueOf(-1)))))
        .hasMessageContaining("ne peut être négatif");
    assertThatThrownBy(() -> calculator.split(eur("10.00"), 120)).hasMessageContaining("entre 0 et 100 %");
  }
}
