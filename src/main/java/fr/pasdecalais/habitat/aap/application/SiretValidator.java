package fr.pasdecalais.habitat.aap.application;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks a SIRET: 14 digits, Luhn sum divisible by 10. La Poste's establishments (SIREN 356 000 000)
 * follow INSEE's exception: the sum of the digits divisible by 5.
 */
public class SiretValidator implements ConstraintValidator<Siret, String> {

  private static final String LA_POSTE_SIREN = "356000000";

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || isValid(value);
  }

  public static boolean isValid(String siret) {
    if (siret == null || !siret.matches("\\d{14}")) {
      return false;
    }
    if (siret.startsWith(LA_POSTE_SIREN) && !siret.equals("35600000000048")) {
      return siret.chars().map(c -> c - '0').sum() % 5 == 0;
    }
    int sum = 0;
    for (int i = 0; i < 14; i++) {
      int digit = siret.charAt(13 - i) - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }
}
