package fr.pasdecalais.habitat.aap.shared;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The one reader of what Camunda Forms and Tasklist submit: texts, numbers of any width, dates as
 * ISO strings ("2023-11-01"), yes/no answers, and lists as Spin JSON values — or as plain Java values
 * when a test or the REST API sets them.
 */
public final class FormValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormValues() {}

  /**
   * A list of strings from a Spin JSON array, a JSON array text ({@code ["a","b"]}), a Java
   * collection, a text separated by commas, semicolons or new lines, or nothing.
   */
  public static List<String> strings(Object value) {
    List<String> result = new ArrayList<>();
    if (value == null) {
      return result;
    }
    if (value instanceof SpinJsonNode node) {
      if (node.isArray()) {
        node.elements().forEach(e -> result.add(e.isString() ? e.stringValue() : e.toString()));
      } else if (node.isString()) {
        return strings(node.stringValue());
      }
      return result;
    }
    if (value instanceof Collection<?> c) {
      c.forEach(e -> result.add(String.valueOf(e)));
      return result;
    }
    if (value instanceof String s && s.trim().startsWith("[")) {
      JsonVariables.tree(s).forEach(n -> result.add(n.asText()));
      return result;
    }
    for (String part : value.toString().split("[,;\\n]")) {
      if (!part.isBlank()) {
        result.add(part.trim());
      }
    }
    return result;
  }

  /** One entry per line of a text area (entries may contain commas); a JSON list or a collection as {@link #strings}. */
  public static List<String> lines(Object value) {
    if (value == null || value instanceof SpinJsonNode || value instanceof Collection<?>) {
      return strings(value);
    }
    List<String> result = new ArrayList<>();
    for (String line : value.toString().split("\\R")) {
      if (!line.isBlank()) {
        result.add(line.trim());
      }
    }
    return result;
  }

  /** A yes/no answer: a Boolean, or the text "true"/"false" of a radio group. */
  public static boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    return value != null && Boolean.parseBoolean(value.toString().trim());
  }

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

  /** A decimal (an amount, a quantity): a number, or a text with a comma or a point and spaces. */
  public static BigDecimal amount(Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof BigDecimal b) {
      return b;
    }
    try {
      return new BigDecimal(value.toString().trim().replace(',', '.').replace(" ", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("La valeur « " + value + " » n'est pas un nombre.");
    }
  }

  /** A date from a form, read in Paris: the one reading of dates. */
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

  /** The items of a dynamic list: a Spin JSON array, a JSON string or a Java list of maps. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> items(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return (List<Map<String, Object>>) list;
    }
    String json = value instanceof SpinJsonNode node ? node.toString() : value.toString();
    try {
      return JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {});
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("La liste transmise par le formulaire est illisible.", e);
    }
  }

  /** A value as a JSON text (kept in a column or a string variable). */
  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
