package fr.pasdecalais.habitat.aap.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * A call of the catalogue ({@code src/main/resources/calls/<file>.yaml}) under another reference,
 * for tests that share the database: the file itself, not a copy, with only what a test states
 * changed (e.g. the jury seats given to test accounts).
 */
public final class CatalogueCalls {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private CatalogueCalls() {}

  /** The catalogue file as YAML text, its reference replaced and {@code adjust} applied to its tree. */
  public static String yaml(String file, String reference, Consumer<ObjectNode> adjust) {
    try (InputStream in = CatalogueCalls.class.getResourceAsStream("/calls/" + file + ".yaml")) {
      if (in == null) {
        throw new IllegalArgumentException("No catalogue file calls/" + file + ".yaml");
      }
      ObjectNode call = (ObjectNode) YAML.readTree(in);
      call.put("reference", reference);
      adjust.accept(call);
      return YAML.writeValueAsString(call);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
