package fr.pasdecalais.habitat.aap.call;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.call.FundingCalculator.Quantities;
import fr.pasdecalais.habitat.aap.call.FundingCalculator.ScheduledAmount;
import fr.pasdecalais.habitat.aap.call.FundingCalculator.Settlement;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catalogue tested from its own files: every {@code calls/*.yaml} read through the real reader
 * and validator, each lot's rule and terms applied to the documents' numbers, to the cent, and
 * service fait settled for every funding kind (balance or recovery).
 */
@SpringScenarioTest
class CatalogueMoneyTest {

  @Autowired CallDefinitionReader reader;
  final FundingCalculator calculator = new FundingCalculator();
  Map<String, CallForProjects> catalogue;

  @BeforeEach
  void readTheCatalogue() {
    catalogue = new java.util.HashMap<>();
    for (CallDefinition d : reader.readAll()) {
      catalogue.put(d.reference(), CallForProjects.fromDefinition(d, Instant.now()));
    }
  }

  private CallLot lot(String call, String lot) {
    return catalogue.get(call).lot(lot).orElseThrow();
  }

  private static BigDecimal eur(String amount) {
    return new BigDecimal(amount);
  }

  private List<BigDecimal> amounts(BigDecimal granted, PaymentTerms terms) {
    List<ScheduledAmount> lines = calculator.schedule(granted, terms);
    assertThat(lines.stream().map(ScheduledAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
        .as("Σ = granted to the cent").isEqualByComparingTo(granted);
    return lines.stream().map(ScheduledAmount::amount).toList();
  }

  @Test
  void preventionAmi2FundsJudgmentVisitsAtUnitPrices25493Euros66SplitIn15296Euros20And10197Euros46() {
    CallLot ami2 = lot("AAP-2023-PREVENTION-EXPULSIONS", "AMI2");
    assertThat(ami2.fundingRule().kind()).isEqualTo(FundingKind.UNIT_PRICES);
    BigDecimal granted = calculator.amount(ami2.fundingRule(), Quantities.of(Map.of("VEJ", eur("157"))));
    assertThat(granted).isEqualByComparingTo("25493.66").isEqualByComparingTo(ami2.getBudget());
    assertThat(amounts(granted, ami2.getPaymentTerms())).containsExactly(eur("15296.20"), eur("10197.46"));
    // service fait: 150 VEJ and 10 portes closes = 24 357,00 + 391,20
    BigDecimal due = calculator.amountDue(ami2.fundingRule(), Quantities.of(Map.of("VEJ", eur("150"), "PORTE_CLOSE", eur("10"))), granted);
    assertThat(due).isEqualByComparingTo("24748.20");
    Settlement s = calculator.settle(due, eur("15296.20"));
    assertThat(s.balanceToPay()).isEqualByComparingTo("9452.00");
    assertThat(s.toRecover()).isEqualByComparingTo("0.00");
    assertThat(calculator.volume(ami2.fundingRule(), granted, null))
        .hasValue("157 visite explicative de jugement à 162,38 €");
  }

  @Test
  void preventionAmi1ReinforcesTheMobileTeamsWithAFixed80928EurosSplit48556Euros80And32371Euros20() {
    CallLot ami1 = lot("AAP-2023-PREVENTION-EXPULSIONS", "AMI1");
    assertThat(ami1.fundingRule().kind()).isEqualTo(FundingKind.FIXED);
    BigDecimal granted = calculator.amount(ami1.fundingRule(), Quantities.requested(null));
    assertThat(granted).isEqualByComparingTo("80928.00").isEqualByComparingTo(ami1.getBudget());
    assertThat(ami1.getPaymentTerms().getAdvancePercent()).isEqualTo(60);
    assertThat(amounts(granted, ami1.getPaymentTerms())).containsExactly(eur("48556.80"), eur("32371.20"));
    // fixed, service fait on justified expenses: a balance, or a recovery
    Settlement balance = calculator.settle(calculator.amountDue(ami1.fundingRule(), Quantities.requested(eur("75000.00")), granted), eur("48556.80"));
    assertThat(balance.balanceToPay()).isEqualByComparingTo("26443.20");
    Settlement recovery = calculator.settle(calculator.amountDue(ami1.fundingRule(), Quantities.requested(eur("40000.00")), granted), eur("48556.80"));
    assertThat(recovery.toRecover()).isEqualByComparingTo("8556.80");
    // a request above the fixed amount exceeds the rule, whatever the units
    assertThat(calculator.excess(ami1.fundingRule(), eur("80928.01"), null, ami1.getBudget())).isPresent();
    assertThat(calculator.volume(ami1.fundingRule(), granted, null)).isEmpty();
  }

  @Test
  void logementJeunesIsAFixed30000EurosPaidInFullAtSignature() {
    CallLot lot = lot("AAP-2023-LOGEMENT-JEUNES", "UNIQUE");
    BigDecimal granted = calculator.amount(lot.fundingRule(), Quantities.requested(null));
    assertThat(granted).isEqualByComparingTo("30000.00");
    assertThat(amounts(granted, lot.getPaymentTerms())).containsExactly(eur("30000.00"));
    assertThat(calculator.excess(lot.fundingRule(), eur("30000.01"), null, lot.getBudget()))
        .hasValue("(30 000,01 €) dépasse le montant forfaitaire par dossier (30 000,00 €)");
  }

  @Test
  void amlIs290000Euros130000PlusOf160000At5000EurosPerMeasure() {
    CallLot artois = lot("AMI-2019-AML-LDA", "ARTOIS");
    CallLot lens = lot("AMI-2019-AML-LDA", "LENS_HENIN");
    assertThat(catalogue.get("AMI-2019-AML-LDA").totalBudget()).isEqualByComparingTo("290000.00");
    assertThat(calculator.amount(artois.fundingRule(), Quantities.of(Map.of("MESURE_AN", eur("26"))))).isEqualByComparingTo("130000.00")
        .isEqualByComparingTo(artois.getBudget());
    assertThat(calculator.amount(lens.fundingRule(), Quantities.of(Map.of("MESURE_AN", eur("32"))))).isEqualByComparingTo("160000.00")
        .isEqualByComparingTo(lens.getBudget());
    assertThat(amounts(eur("130000.00"), artois.getPaymentTerms())).containsExactly(eur("130000.00"));
    // service fait on 24 measures: 120 000 due, 10 000 recovered
    BigDecimal due = calculator.amountDue(artois.fundingRule(), Quantities.of(Map.of("MESURE_AN", eur("24"))), eur("130000.00"));
    assertThat(calculator.settle(due, eur("130000.00")).toRecover()).isEqualByComparingTo("10000.00");
  }

  @Test
  void coordinateursAre55000EurosPerEtpSplit33000And22000AndCappedPerEtpRequested() {
    CallLot lot = lot("AAP-2023-COORDINATEURS-LDA", "UNIQUE");
    assertThat(lot.fundingRule().kind()).isEqualTo(FundingKind.CAP_PER_UNIT);
    BigDecimal granted = calculator.amount(lot.fundingRule(), Quantities.units(null, BigDecimal.ONE));
    assertThat(granted).isEqualByComparingTo("55000.00");
    assertThat(amounts(granted, lot.getPaymentTerms())).containsExactly(eur("33000.00"), eur("22000.00"));
    assertThat(calculator.excess(lot.fundingRule(), eur("60000.00"), BigDecimal.ONE, lot.getBudget()))
        .hasValue("(60 000,00 €) dépasse le plafond de 55 000,00 € par ETP appliqué à 1 ETP (55 000,00 €)");
    assertThat(calculator.excess(lot.fundingRule(), eur("110000.00"), eur("2"), lot.getBudget())).isEmpty();
    assertThat(calculator.volume(lot.fundingRule(), eur("110000.00"), eur("2"))).hasValue("2 ETP");
    // service fait: 1 ETP, 50 000 € justified → balance 17 000
    BigDecimal due = calculator.amountDue(lot.fundingRule(), Quantities.units(eur("50000.00"), BigDecimal.ONE), granted);
    assertThat(calculator.settle(due, eur("33000.00")).balanceToPay()).isEqualByComparingTo("17000.00");
  }

  @Test
  void astreIs42000EurosFor20MeasuresOf12MonthsAt175EurosWith80PercentAdvance() {
    CallLot lot = lot("AAP-2023-ASTRE", "UNIQUE");
    BigDecimal granted = calculator.amount(lot.fundingRule(), Quantities.of(Map.of("MESURE_MOIS", eur("240"))));
    assertThat(granted).isEqualByComparingTo("42000.00").isEqualByComparingTo(lot.getBudget());
    assertThat(lot.getPaymentTerms().getAdvancePercent()).isEqualTo(80);
    assertThat(amounts(granted, lot.getPaymentTerms())).containsExactly(eur("33600.00"), eur("8400.00"));
    // the pre-fill of "Volume retenu": 12 600 € is 72 mois-mesure at 175 €, not "6 mois"
    assertThat(calculator.volume(lot.fundingRule(), eur("12600.00"), eur("6")))
        .hasValue("72 mois de mesure d'accompagnement à 175,00 €");
    // the 2027 call's two lots: 12 measures of 12 months each
    assertThat(calculator.amount(lot("AAP-2027-ASTRE", "LITTORAL").fundingRule(), Quantities.of(Map.of("MESURE_MOIS", eur("144")))))
        .isEqualByComparingTo(lot("AAP-2027-ASTRE", "LITTORAL").getBudget());
  }

  @Test
  void microcreditIsProratedSixMonthsAndFiftySituationsGive7500AndLessActivityIsRecovered() {
    CallLot lot = lot("AAP-2023-MICROCREDIT", "UNIQUE");
    BigDecimal granted = calculator.amount(lot.fundingRule(), Quantities.prorated(6, 50));
    assertThat(granted).isEqualByComparingTo("7500.00");
    assertThat(amounts(granted, lot.getPaymentTerms())).containsExactly(eur("7500.00"));
    BigDecimal due = calculator.amountDue(lot.fundingRule(), Quantities.prorated(4, 50), granted);
    assertThat(due).isEqualByComparingTo("5000.00");
    assertThat(calculator.settle(due, granted).toRecover()).isEqualByComparingTo("2500.00");
    assertThat(calculator.excess(lot.fundingRule(), eur("15000.01"), null, lot.getBudget())).isPresent();
  }

  @Test
  void informationJuridiqueIsAFixed100000EurosAtSignature() {
    CallLot lot = lot("AAP-2023-INFO-JURIDIQUE", "UNIQUE");
    BigDecimal granted = calculator.amount(lot.fundingRule(), Quantities.requested(null));
    assertThat(granted).isEqualByComparingTo("100000.00");
    assertThat(amounts(granted, lot.getPaymentTerms())).containsExactly(eur("100000.00"));
  }

  @Test
  void numeroVertIs18000EurosPaidInNPlus1OnTheFinalReport() {
    CallLot lot = lot("AAP-2023-NUMERO-VERT", "UNIQUE");
    BigDecimal granted = calculator.amount(lot.fundingRule(), Quantities.requested(null));
    assertThat(granted).isEqualByComparingTo("18000.00");
    List<ScheduledAmount> lines = calculator.schedule(granted, lot.getPaymentTerms());
    assertThat(lines).singleElement().satisfies(l -> {
      assertThat(l.kind()).isEqualTo("BALANCE");
      assertThat(l.trigger()).isEqualTo("FINAL_REPORT_N_PLUS_1");
      assertThat(l.amount()).isEqualByComparingTo("18000.00");
    });
  }

  @Test
  void everyLotOfTheCatalogueHasARuleAndTermsWhoseScheduleSumsToItsEnvelope() {
    assertThat(catalogue).hasSize(9);
    for (CallForProjects call : catalogue.values()) {
      for (CallLot lot : call.getLots()) {
        assertThat(lot.fundingRule().kind()).as(call.getReference() + " " + lot.getCode()).isNotNull();
        amounts(lot.getBudget(), lot.getPaymentTerms());
      }
    }
  }
}
