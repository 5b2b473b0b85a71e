package fr.pasdecalais.habitat.aap.payment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.call.BalanceTrigger;
import fr.pasdecalais.habitat.aap.call.CallDefinition;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallDefinitionValidator;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallLot;
import fr.pasdecalais.habitat.aap.call.FundingCalculator;
import fr.pasdecalais.habitat.aap.call.PaymentTerms;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The call validator and the payment-schedule decision agree: the terms of every lot of the
 * catalogue, and terms the documents could state (70 %, 30 % + 30 % at an interim report + balance,
 * 0 % and balance in n+1), once accepted by the validator, all have a schedule; the amounts sum to the
 * granted amount to the cent. Terms the validator refuses have none.
 */
@SpringScenarioTest
class PaymentTermsAgreeWithTheScheduleDecisionTest {

  @Autowired DecisionService decisions;
  @Autowired CallDefinitionReader reader;
  @Autowired CallDefinitionValidator validator;
  final FundingCalculator calculator = new FundingCalculator();

  private DmnDecisionResultEntries schedule(PaymentTerms terms) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("shareAtSignature", terms.getAdvancePercent());
    vars.put("instalmentPercent", terms.percentBeforeBalance() - terms.getAdvancePercent());
    vars.put("balanceTrigger", terms.getBalanceTrigger().name());
    return decisions.evaluateDecisionByKey("Decision_PaymentSchedule").variables(vars).evaluate().getSingleResult();
  }

  /** The real ASTRE call with other payment terms (and an interim report at 6 months), validated. */
  private CallDefinition astreWith(CallDefinition.Payment payment) {
    CallDefinition astre = reader.readAll().stream().filter(c -> c.reference().equals("AAP-2023-ASTRE")).findFirst().orElseThrow();
    List<CallDefinition.ReportingMilestone> reporting = new ArrayList<>(astre.reporting());
    reporting.add(new CallDefinition.ReportingMilestone("BILAN_6M", "Bilan intermédiaire à six mois", CallDefinition.ReportKind.INTERIM, 6));
    return new CallDefinition(astre.reference(), astre.title(), astre.axis(), astre.funder(), astre.decidingBody(),
        astre.description(), astre.eligibleHolderTypes(), astre.requiredAgrements(), astre.territories(),
        astre.allowsMultipleApplications(), astre.lots(), astre.requiredDocuments(), astre.selectionCriteria(),
        astre.indicators(), astre.jury(), reporting, astre.funding(), payment, astre.selection(), astre.selectionMode());
  }

  @Test
  void everyLotOfTheCatalogueHasASchedule() {
    int lots = 0;
    for (CallDefinition d : reader.readAll()) {
      for (CallLot lot : CallForProjects.fromDefinition(d, Instant.now()).getLots()) {
        DmnDecisionResultEntries r = schedule(lot.getPaymentTerms());
        assertThat(r).as(d.reference() + " " + lot.getCode()).isNotNull();
        assertThat(r.<Integer>getEntry("advancePercent")).isEqualTo(lot.getPaymentTerms().getAdvancePercent());
        lots++;
      }
    }
    assertThat(lots).isEqualTo(12);
  }

  @Test
  void aCallWithA70PercentAdvanceIsValidAndHasASchedule() {
    CallDefinition d = astreWith(new CallDefinition.Payment(70, BalanceTrigger.SERVICE_FAIT));
    assertThat(validator.problems(d)).isEmpty();
    PaymentTerms terms = CallForProjects.fromDefinition(d, Instant.now()).paymentTerms("UNIQUE");
    DmnDecisionResultEntries r = schedule(terms);
    assertThat(r.<Integer>getEntry("advancePercent")).isEqualTo(70);
    assertThat(r.<String>getEntry("balanceOn")).isEqualTo("SERVICE_FAIT");
    assertThat(r.<String>getEntry("scheduleLabel")).isEqualTo("Avance de 70 % à la signature, solde au service fait");
    assertThat(calculator.schedule(new BigDecimal("42000.00"), terms)).extracting(FundingCalculator.ScheduledAmount::amount)
        .containsExactly(new BigDecimal("29400.00"), new BigDecimal("12600.00"));
  }

  @Test
  void thirtyPercentAtSignatureThirtyAtTheInterimReportAndTheBalanceOnServiceFait() {
    CallDefinition d = astreWith(new CallDefinition.Payment(30, BalanceTrigger.SERVICE_FAIT,
        List.of(new CallDefinition.Instalment(30, "BILAN_6M"))));
    assertThat(validator.problems(d)).isEmpty();
    PaymentTerms terms = CallForProjects.fromDefinition(d, Instant.now()).paymentTerms("UNIQUE");
    DmnDecisionResultEntries r = schedule(terms);
    assertThat(r.<Integer>getEntry("advancePercent")).isEqualTo(30);
    assertThat(r.<String>getEntry("balanceOn")).isEqualTo("SERVICE_FAIT");
    assertThat(r.<String>getEntry("scheduleLabel"))
        .isEqualTo("30 % à la signature, 30 % aux bilans intermédiaires approuvés, solde au service fait");
    // 25 493,66 €: 7 648,10 + 7 648,10 + 10 197,46 (the remainder)
    assertThat(calculator.schedule(new BigDecimal("25493.66"), terms)).extracting(FundingCalculator.ScheduledAmount::amount)
        .containsExactly(new BigDecimal("7648.10"), new BigDecimal("7648.10"), new BigDecimal("10197.46"));
  }

  @Test
  void nothingAtSignatureAndTheBalanceInNPlus1() {
    CallDefinition d = astreWith(new CallDefinition.Payment(0, BalanceTrigger.FINAL_REPORT_N_PLUS_1));
    assertThat(validator.problems(d)).isEmpty();
    DmnDecisionResultEntries r = schedule(CallForProjects.fromDefinition(d, Instant.now()).paymentTerms("UNIQUE"));
    assertThat(r.<Integer>getEntry("advancePercent")).isZero();
    assertThat(r.<String>getEntry("balanceOn")).isEqualTo("FINAL_REPORT_N_PLUS_1");
  }

  @Test
  void everyAdvanceFrom0To100WithEachTriggerTheValidatorAcceptsHasASchedule() {
    for (int share = 0; share <= 100; share++) {
      for (BalanceTrigger trigger : BalanceTrigger.values()) {
        CallDefinition d = astreWith(new CallDefinition.Payment(share, trigger));
        boolean valid = validator.problems(d).isEmpty();
        DmnDecisionResultEntries r = schedule(new PaymentTerms(share, trigger));
        assertThat(r != null).as(share + " % " + trigger).isEqualTo(valid);
      }
    }
  }

  @Test
  void anInstalmentAfterAReportTheCallDoesNotHaveOrAbove100PercentIsRefusedInFrench() {
    CallDefinition d = astreWith(new CallDefinition.Payment(80, BalanceTrigger.SERVICE_FAIT,
        List.of(new CallDefinition.Instalment(30, "BILAN_INCONNU"))));
    assertThat(validator.problems(d)).extracting(p -> p.field() + " : " + p.message()).containsExactlyInAnyOrder(
        "payment.instalments : La part versée à la signature et les versements intermédiaires dépassent 100 % (110 %).",
        "payment.instalments[0].afterReport : Le versement intermédiaire suit le bilan « BILAN_INCONNU », qui n'est pas un bilan intermédiaire (INTERIM) de l'appel.");
  }
}
