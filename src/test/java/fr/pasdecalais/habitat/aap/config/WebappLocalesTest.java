package fr.pasdecalais.habitat.aap.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The French locale files and configuration of the Camunda webapps (Tasklist, Welcome, Admin,
 * Cockpit) in {@code src/main/resources/META-INF/resources/webjars/camunda/app/<app>/} against the
 * English files of the Camunda webjar on the classpath. Plain JUnit: no Spring context.
 */
class WebappLocalesTest {

  private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
  private static final Pattern HTML_TAG = Pattern.compile("</?(a|br|strong|em|b|i|code|span|p|ul|li|div)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

  /** English labels that are also correct French (technical terms, type names, symbols, suffixes). */
  private static final Set<String> SAME_IN_FRENCH = Set.of(
      "<", "<=", ">", ">=", "<null>", "<version>", "Action", "Actions", "Active", "Annotation",
      "Application", "Applications", "CSV", "Cockpit", "Configuration", "Date", "Description",
      "Documentation", "Double", "Exception", "ID", "ID*", "Incidents", "Instance", "JSON", "Job",
      "Jobs", "Long", "Message", "Migration", "Notification", "OK", "Optimize", "Options", "Short",
      "Source", "Total", "Type", "Types", "Variable", "Variable / {{variableName}}", "Variables",
      "Version", "instance", "instances", "instances.", "null", "requestPayload", "s",
      "{{count}} jobs");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void frenchLabelsHaveExactlyTheEnglishKeysAndNoEmptyValue(String app) throws IOException {
    JsonNode en = english(app);
    JsonNode fr = french(app);

    assertThat(fieldNames(fr)).as(app + " top-level sections").isEqualTo(fieldNames(en));
    assertThat(fieldNames(fr.get("labels"))).as(app + " label keys").isEqualTo(fieldNames(en.get("labels")));
    fr.get("labels").fields().forEachRemaining(e ->
        assertThat(e.getValue().isTextual() && !e.getValue().asText().isBlank())
            .as(app + " label " + e.getKey() + " must be a non-empty text").isTrue());
    if (en.has("dateLocales")) {
      assertSameShape(en.get("dateLocales"), fr.get("dateLocales"), app + " dateLocales");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void frenchLabelsKeepPlaceholdersAndHtml(String app) throws IOException {
    JsonNode en = english(app).get("labels");
    JsonNode fr = french(app).get("labels");
    en.fields().forEachRemaining(e -> {
      String english = e.getValue().asText();
      String french = fr.get(e.getKey()).asText();
      assertThat(matches(PLACEHOLDER, french)).as(app + " placeholders of " + e.getKey())
          .isEqualTo(matches(PLACEHOLDER, english));
      assertThat(matches(HTML_TAG, french)).as(app + " HTML tags of " + e.getKey())
          .isEqualTo(matches(HTML_TAG, english));
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void everyLabelIsTranslated(String app) throws IOException {
    JsonNode en = english(app).get("labels");
    JsonNode fr = french(app).get("labels");
    Map<String, String> untranslated = new TreeMap<>();
    en.fields().forEachRemaining(e -> {
      String english = e.getValue().asText();
      if (!english.isBlank() && english.equals(fr.get(e.getKey()).asText()) && !SAME_IN_FRENCH.contains(english.strip())) {
        untranslated.put(e.getKey(), english);
      }
    });
    assertThat(untranslated).as(app + " labels still in English").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void frenchDatesAndWeekStartingOnMonday(String app) throws IOException {
    JsonNode dates = french(app).get("dateLocales");
    if (dates == null) {
      return; // the Welcome page has no date locale
    }
    assertThat(dates.get("months").get(0).asText()).isEqualTo("janvier");
    assertThat(dates.get("weekdays").get(1).asText()).isEqualTo("lundi");
    assertThat(dates.get("longDateFormat").get("L").asText()).isEqualTo("DD/MM/YYYY");
    assertThat(dates.get("week").get("dow").asInt()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void configMakesFrenchTheDefaultAndBrandsTheApp(String app) throws IOException {
    List<URL> configs = resources(APP_ROOT + app + "/scripts/config.js");
    assertThat(configs).as("ours and the webjar's config.js").hasSizeGreaterThanOrEqualTo(2);
    // the first one on the classpath wins, at run time too (BOOT-INF/classes comes before the jars)
    String config = read(configs.get(0));

    assertThat(config).as(app + " config.js from our resources").contains("Département du Pas-de-Calais");
    Matcher available = Pattern.compile("availableLocales\\s*:\\s*\\[([^]]*)]").matcher(config);
    assertThat(available.find()).as(app + " availableLocales").isTrue();
    assertThat(available.group(1).replaceAll("[\\s'\"]", "")).isEqualTo("fr,en");
    Matcher fallback = Pattern.compile("^\\s*fallbackLocale\\s*:\\s*'([a-z]+)'", Pattern.MULTILINE).matcher(config);
    assertThat(fallback.find()).as(app + " fallbackLocale").isTrue();
    assertThat(fallback.group(1)).isEqualTo("fr");
    // the first-login hint would query /camunda-welcome, which only exists in Camunda Run
    assertThat(config).containsPattern("(?m)^\\s*disableWelcomeMessage\\s*:\\s*true");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void userStylesHideTheCamunda8MigrationBanner(String app) throws IOException {
    List<URL> styles = resources(APP_ROOT + app + "/styles/user-styles.css");
    assertThat(styles).isNotEmpty();
    String css = read(styles.get(0));
    assertThat(css).containsPattern("\\.ce-eol-banner\\s*\\{\\s*display:\\s*none\\s*!important");
  }

  private static JsonNode english(String app) throws IOException {
    List<URL> found = resources(APP_ROOT + app + "/locales/en.json");
    assertThat(found).as(app + " en.json of the Camunda webjar").isNotEmpty();
    return JSON.readTree(read(found.get(0)));
  }

  private static JsonNode french(String app) throws IOException {
    List<URL> found = resources(APP_ROOT + app + "/locales/fr.json");
    assertThat(found).as(app + " fr.json").hasSize(1);
    return JSON.readTree(read(found.get(0)));
  }

  private static List<URL> resources(String path) throws IOException {
    return Collections.list(WebappLocalesTest.class.getClassLoader().getResources(path));
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text; // Camunda's files start with a BOM
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1).toLowerCase());
    }
    Collections.sort(found);
    return found;
  }

  private static void assertSameShape(JsonNode en, JsonNode fr, String where) {
    assertThat(fr).as(where).isNotNull();
    if (en.isObject()) {
      assertThat(fieldNames(fr)).as(where).isEqualTo(fieldNames(en));
      en.fieldNames().forEachRemaining(name -> assertSameShape(en.get(name), fr.get(name), where + "." + name));
    } else if (en.isArray()) {
      assertThat(fr.size()).as(where + " size").isEqualTo(en.size());
      for (int i = 0; i < en.size(); i++) {
        assertSameShape(en.get(i), fr.get(i), where + "[" + i + "]");
      }
    } else {
      assertThat(fr.getNodeType()).as(where + " type").isEqualTo(en.getNodeType());
      if (fr.isTextual()) {
        assertThat(fr.asText()).as(where).isNotBlank();
      }
    }
  }
}
