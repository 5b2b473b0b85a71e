package fr.pasdecalais.habitat.aap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description of {@code /api} is complete and French: every {@code /api} handler method
 * Spring MVC serves is in the document served at {@code /v3/api-docs} (same path, same method), each
 * operation has a French summary, each parameter and body a description, each response a French
 * description, every refusal the problem type; the document and its UI are public.
 */
@SpringScenarioTest
class OpenApiDescriptionTest {

  /** A French sentence (a summary) has at least one of these, or an accented letter. */
  private static final Pattern FRENCH = Pattern.compile(
      "[àâçéèêëîïôûùüÿœ]|\\b(le|la|les|un|une|des|du|de|d'|l'|au|aux|et|ou|sur|par|pour|en|sans)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** English words a French description never has (springdoc's defaults are English). */
  private static final Pattern ENGLISH_WORDS = Pattern.compile(
      "\\b(the|of|and|to|is|an|for|with|not|found|request|response|default|unknown|list|get|create|update|delete)\\b",
      Pattern.CASE_INSENSITIVE);
  /** springdoc's and HTTP's English defaults: an operation left to them is not described. */
  private static final Set<String> ENGLISH = Set.of("ok", "created", "no content", "default response", "bad request",
      "unauthorized", "forbidden", "not found", "conflict", "internal server error");

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private JsonNode document;

  @BeforeEach
  void readTheServedDocument() throws Exception {
    ResponseEntity<String> served = rest.getForEntity("/v3/api-docs", String.class); // no credentials: public
    assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
    document = json.readTree(served.getBody());
  }

  @Test
  void everyApiEndpointOfSpringMvcIsInTheServedDocumentAndNothingElse() {
    Set<String> served = new TreeSet<>();
    document.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
        .forEachRemaining(m -> served.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
    Set<String> handled = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
        // the product's controllers (springdoc's own redirect from /api/docs to its UI is not an operation)
        .filter(p -> p.startsWith("/api/") && method.getBeanType().getPackageName().startsWith("fr.pasdecalais."))
        .forEach(p -> {
          Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
          assertThat(methods).as("%s declares its HTTP method", method).isNotEmpty();
          methods.forEach(m -> handled.add(m.name() + " " + p));
        }));
    assertThat(handled).as("the /api handler methods").isNotEmpty().contains("GET /api/statistics");
    assertThat(served).as("documented operations (paths + methods) of /v3/api-docs").isEqualTo(handled);
  }

  @Test
  void everyOperationParameterBodyAndResponseIsDescribedInFrench() {
    List<String> undescribed = new ArrayList<>();
    Set<String> tags = new TreeSet<>();
    document.path("tags").forEach(t -> {
      if (french(t.path("description").asText(""))) {
        tags.add(t.path("name").asText());
      }
    });
    document.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(o -> {
      String where = o.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey();
      JsonNode op = o.getValue();
      if (!french(op.path("summary").asText(""))) {
        undescribed.add(where + ": summary « " + op.path("summary").asText("") + " »");
      }
      if (op.path("tags").size() != 1 || !tags.contains(op.path("tags").get(0).asText())) {
        undescribed.add(where + ": tag (one, described in French) " + op.path("tags"));
      }
      op.path("parameters").forEach(param -> {
        if (!described(param.path("description").asText(""))) {
          undescribed.add(where + ": parameter " + param.path("name").asText());
        }
      });
      if (op.has("requestBody") && !described(op.get("requestBody").path("description").asText(""))) {
        undescribed.add(where + ": body");
      }
      assertThat(op.path("responses").has("401")).as(where + " answers 401").isTrue();
      assertThat(op.path("responses").has("403")).as(where + " answers 403").isTrue();
      op.path("responses").fields().forEachRemaining(r -> {
        String description = r.getValue().path("description").asText("");
        if (!described(description)) {
          undescribed.add(where + ": response " + r.getKey() + " « " + description + " »");
        }
        if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
          assertThat(r.getValue().at("/content/application~1problem+json/schema/$ref").asText())
              .as(where + " " + r.getKey() + " is a problem").isEqualTo("#/components/schemas/Probleme");
        }
      });
    }));
    assertThat(undescribed).as("operations, parameters, bodies and responses without a French description").isEmpty();
    assertThat(document.at("/components/schemas/Probleme/properties/detail/description").asText()).contains("français");
    assertThat(document.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    assertThat(document.at("/info/title").asText()).isEqualTo("API Appels à projets");
  }

  @Test
  void theStatisticsOperationDescribesItsFiltersAndItsAnswer() {
    JsonNode op = document.at("/paths/~1api~1statistics/get");
    List<String> names = new ArrayList<>();
    op.get("parameters").forEach(p -> names.add(p.get("name").asText()));
    assertThat(names).containsExactly("call", "year", "funder", "territory");
    assertThat(op.at("/responses/200/content/application~1json/schema/$ref").asText()).endsWith("/Statistics");
    assertThat(document.at("/components/schemas/ProcessingTime/properties/p90Days/description").asText()).contains("centile");
  }

  @Test
  void theSwaggerUiIsPublicAtApiDocs() {
    ResponseEntity<String> ui = rest.getForEntity("/api/docs", String.class); // follows the redirect to the UI
    assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ui.getBody()).contains("swagger-ui");
  }

  private static boolean french(String text) {
    return text != null && !text.isBlank() && FRENCH.matcher(text).find() && !ENGLISH_WORDS.matcher(text).find();
  }

  /** A description: written, not springdoc's English default, no English word. */
  private static boolean described(String text) {
    return text != null && !text.isBlank() && !ENGLISH.contains(text.toLowerCase(Locale.ROOT))
        && !ENGLISH_WORDS.matcher(text).find();
  }
}
