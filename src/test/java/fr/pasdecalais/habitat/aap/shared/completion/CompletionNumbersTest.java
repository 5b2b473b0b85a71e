package fr.pasdecalais.habitat.aap.shared.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The numbers of the completion messages as people read them: Tasklist showed « doit être compris
 * entre 0 et 42000 (50000 saisi) » where every amount of the product reads 42 000,00 €.
 */
class CompletionNumbersTest {

  @Test
  void theNumbersOfARefusalAreGroupedByThousandsWithADecimalComma() {
    assertThat(Completion.number(new BigDecimal("42000.00"))).isEqualTo("42 000");
    assertThat(Completion.number(new BigDecimal("50000"))).isEqualTo("50 000");
    assertThat(Completion.number(new BigDecimal("99999999.99"))).isEqualTo("99 999 999,99");
    assertThat(Completion.number(new BigDecimal("12.50"))).isEqualTo("12,5");
    assertThat(Completion.number(new BigDecimal("5"))).isEqualTo("5");
    assertThat(Completion.number(new BigDecimal("-3"))).isEqualTo("-3");
    assertThat(Completion.number(new BigDecimal("1000000"))).isEqualTo("1 000 000");
  }
}
