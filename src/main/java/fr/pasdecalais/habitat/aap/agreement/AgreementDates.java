package fr.pasdecalais.habitat.aap.agreement;

import static fr.pasdecalais.habitat.aap.shared.ParisDateTime.PARIS;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the convention's letters, forms and PDF write a date and a period, and the engine's today in Paris. */
public final class AgreementDates {

  public static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

  private AgreementDates() {}

  public static String period(LocalDate start, LocalDate end) {
    return "du " + french(start) + " au " + french(end) + " inclus";
  }

  public static String french(LocalDate date) {
    return date == null ? "" : FRENCH_DATE.format(date);
  }

  static LocalDate today() {
    return EngineClock.now().atZone(PARIS).toLocalDate();
  }
}
