package fr.pasdecalais.habitat.aap.call;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** Values submitted by Camunda Forms (strings, numbers of any width, dates as ISO strings). */
public final class FormValues {

  private FormValues() {}

  public static Integer integer(Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.valueOf(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("« " + value + " » n'est pas un nombre entier.");
    }
  }

  public static LocalDate date(Object value) {
    OffsetDateTime t = dateTime(value, LocalTime.MIDNIGHT);
    return t == null ? null : t.atZoneSameInstant(ParisDateTime.PARIS).toLocalDate();
  }

  /**
   * A date-time from a form: with offset, local (read in Paris) or a date alone (then at
   * {@code timeOfDay}, Paris); {@code java.util.Date} too.
   */
  public static OffsetDateTime dateTime(Object value, LocalTime timeOfDay) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(ParisDateTime.PARIS).toOffsetDateTime();
    }
    if (value instanceof OffsetDateTime o) {
      return o;
    }
    String text = value.toString().trim();
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atTime(timeOfDay).atZone(ParisDateTime.PARIS).toOffsetDateTime();
      }
      try {
        return OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(text).atZone(ParisDateTime.PARIS).toOffsetDateTime();
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("« " + text + " » n'est pas une date valide.");
    }
  }
}
