package fr.pasdecalais.habitat.aap.shared;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Process variables that Tasklist's forms read and write as JSON (lists, objects): Tasklist submits
 * them as Spin {@code Json} values, tests may pass a string or a Java collection. Lists of strings:
 * {@link FormValues#strings}.
 */
public final class JsonVariables {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private JsonVariables() {}

  /** A Spin JSON value a form can read (array or object). */
  public static TypedValue json(Object value) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
    } catch (Exception e) {
      throw new IllegalArgumentException("Valeur JSON impossible : " + e.getMessage(), e);
    }
  }

  /** Reads a Spin JSON value, a JSON string or a Java value as a Jackson tree (decimals as BigDecimal). */
  public static JsonNode tree(Object value) {
    try {
      if (value == null) {
        return JsonNodeFactory.instance.nullNode();
      }
      if (value instanceof SpinJsonNode spin) {
        return MAPPER.readTree(spin.toString());
      }
      if (value instanceof String s) {
        return MAPPER.readTree(s);
      }
      return MAPPER.readTree(MAPPER.writeValueAsString(value));
    } catch (Exception e) {
      throw new IllegalArgumentException("Valeur JSON illisible : " + e.getMessage(), e);
    }
  }
}
