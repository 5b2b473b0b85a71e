package fr.pasdecalais.habitat.aap.agreement;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads what a Camunda Form submitted: dates as ISO strings ("2023-11-01"), numbers as Long or
 * Double, and lists (dynamic lists) as Spin JSON values — or as plain Java values when a test or
 * the REST API sets them.
 */
public final class FormValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormValues() {}

  /** A date from a form (see {@link fr.pasdecalais.habitat.aap.call.FormValues#date}: the one reading of dates). */
  public static LocalDate date(Object value) {
    return fr.pasdecalais.habitat.aap.call.FormValues.date(value);
  }

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

  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
