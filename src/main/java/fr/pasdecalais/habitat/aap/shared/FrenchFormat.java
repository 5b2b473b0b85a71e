package fr.pasdecalais.habitat.aap.shared;



import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Amounts and dates as French readers expect them: {@code 33 600,00 €}, {@code 03/02/2023 à 23h59}. */
public final class FrenchFormat {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm", Locale.FRANCE);

  private FrenchFormat() {}

  public static String euros(BigDecimal amount) {
    return Money.format(amount);
  }

  public static String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(ParisDateTime.PARIS));
  }
}
