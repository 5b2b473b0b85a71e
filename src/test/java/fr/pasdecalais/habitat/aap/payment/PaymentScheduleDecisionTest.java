package fr.pasdecalais.habitat.aap.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.shared.Money;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The payment schedule DMN, rule by rule, as deployed in the engine. */
@SpringScenarioTest
class PaymentScheduleDecisionTest {

  @Autowired DecisionService decisions;

  private DmnDecisionResultEntries evaluate(int share, String trigger) {
    return decisions.evaluateDecisionByKey("Decision_PaymentSchedule")
        .variables(Map.of("shareAtSignature", share, "balanceTrigger", trigger))
        .evaluate().getSingleResult();
  }

  @Test
  void fullAtSignature() {
    DmnDecisionResultEntries r = evaluate(100, "NONE");
    assertThat(r.<Integer>getEntry("advancePercent")).isEqualTo(100);
    assertThat(r.<String>getEntry("balanceOn")).isEqualTo("NONE");
  }

  @Test
  void astreAdvanceOf80Percent() {
    DmnDecisionResultEntries r = evaluate(80, "SERVICE_FAIT");
    assertThat(r.<Integer>getEntry("advancePercent")).isEqualTo(80);
    assertThat(r.<String>getEntry("balanceOn")).isEqualTo("SERVICE_FAIT");
  }

  @Test
  void advanceOf60Percent() {
    DmnDecisionResultEntries r = evaluate(60, "SERVICE_FAIT");
    assertThat(r.<Integer>getEntry("advancePercent")).isEqualTo(60);
    assertThat(r.<String>getEntry("scheduleLabel")).contains("60 %");
  }

  @Test
  void numeroVertNothingAtSignature() {
    DmnDecisionResultEntries r = evaluate(0, "FINAL_REPORT_N_PLUS_1");
    assertThat(r.<Integer>getEntry("advancePercent")).isZero();
    assertThat(r.<String>getEntry("balanceOn")).isEqualTo("FINAL_REPORT_N_PLUS_1");
  }

  @Test
  void anyAdvanceHasARuleNotOnlyTheDocumentsPercentages() {
    DmnDecisionResultEntries r = evaluate(70, "SERVICE_FAIT");
    assertThat(r.<Integer>getEntry("advancePercent")).isEqualTo(70);
    assertThat(r.<String>getEntry("scheduleLabel")).isEqualTo("Avance de 70 % à la signature, solde au service fait");
  }

  @Test
  void termsTheValidatorRefusesMatchNoRule() {
    // everything paid at signature yet a balance expected: refused by CallDefinitionValidator
    assertThat(decisions.evaluateDecisionByKey("Decision_PaymentSchedule")
        .variables(Map.of("shareAtSignature", 100, "balanceTrigger", "SERVICE_FAIT"))
        .evaluate().getSingleResult()).isNull();
    assertThatThrownBy(() -> Money.percentOf(null, 10)).isInstanceOf(NullPointerException.class);
  }
}
