package fr.pasdecalais.habitat.aap.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SiretValidatorTest {

  @ParameterizedTest
  @ValueSource(strings = {"73282932000074", "35600000000048", "35600000049837", "44306184100047"})
  void acceptsSiretsWithARightKey(String siret) {
    assertThat(SiretValidator.isValid(siret)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"73282932000075", "7328293200007", "732829320000741", "7328293200007A", "", "44306184100048"})
  void refusesWrongKeysLengthsAndCharacters(String siret) {
    assertThat(SiretValidator.isValid(siret)).isFalse();
  }

  record Holder(@Siret String siret) {}

  @Test
  void theConstraintGivesAFrenchMessage() {
    Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    assertThat(validator.validate(new Holder("12345678901234")))
        .singleElement()
        .satisfies(v -> assertThat(v.getMessage()).contains("clé de contrôle"));
    assertThat(validator.validate(new Holder(null))).isEmpty();
  }
}
