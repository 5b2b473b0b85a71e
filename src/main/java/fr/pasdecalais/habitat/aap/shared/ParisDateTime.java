package fr.pasdecalais.habitat.aap.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Times of the calls, in Europe/Paris. A call file may write {@code 2023-02-03T23:59:59} (Paris
 * local time, the way the documents speak) or an explicit offset {@code 2023-02-03T23:59:59+01:00}.
 */
public final class ParisDateTime {

  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm", Locale.FRANCE);
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

  private ParisDateTime() {}

  /** Parses with or without offset; without, the time is read in Paris. */
  public static OffsetDateTime parse(String text) {
    String t = text.trim();
    try {
      return OffsetDateTime.parse(t);
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(t).atZone(PARIS).toOffsetDateTime();
    }
  }

  /** {@code 03/02/2023 à 23h59}. */
  public static String french(OffsetDateTime time) {
    return time == null ? "" : time.atZoneSameInstant(PARIS).format(FRENCH);
  }

  /** {@code 03/02/2023}. */
  public static String french(LocalDate date) {
    return date == null ? "" : date.format(FRENCH_DATE);
  }

  /** ISO-8601 with the Paris offset, what a BPMN timer {@code timeDate} expression accepts. */
  public static String iso(OffsetDateTime time) {
    return time.atZoneSameInstant(PARIS).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** Jackson deserializer for call files and API bodies. */
  public static class Deserializer extends JsonDeserializer<OffsetDateTime> {
    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return parse(text);
      } catch (DateTimeParseException e) {
        return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text,
            "date-heure attendue au format 2023-02-03T23:59:59");
      }
    }
  }
}
