package fr.pasdecalais.habitat.aap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The English labels of a Camunda webapp (the {@code en.json} of the camunda-webapp webjar on the
 * classpath) that must never be visible in our French webapps: those whose French text differs
 * (words that are the same in both languages, e.g. « Version », are not English leftovers).
 */
final class EnglishLabels {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";
  /** The engine's variable type names, shown as data in Cockpit's variable tables (not labels). */
  private static final Set<String> VALUE_TYPES = Set.of("String", "Integer", "Boolean", "Json", "Object", "Bytes",
      "File", "Null", "Long", "Double", "Short", "Date", "Xml");

  private EnglishLabels() {}

  static Set<String> of(String app) {
    JsonNode en = read(APP_ROOT + app + "/locales/en.json").get("labels");
    JsonNode fr = read(APP_ROOT + app + "/locales/fr.json").get("labels");
    Set<String> french = new HashSet<>();
    fr.fields().forEachRemaining(e -> french.add(e.getValue().asText().trim()));
    Set<String> english = new TreeSet<>();
    en.fields().forEachRemaining(e -> {
      String text = e.getValue().asText().trim();
      if (text.length() >= 3 && !VALUE_TYPES.contains(text) && !text.contains("{{") && !text.contains("<") && !french.contains(text)
          && text.chars().anyMatch(Character::isLetter)) {
        english.add(text);
      }
    });
    return english;
  }

  /** The visible texts of the page (text nodes and placeholders of visible elements), trimmed. */
  @SuppressWarnings("unchecked")
  static List<String> visibleTexts(JavascriptExecutor page) {
    Object texts = page.executeScript("""
        const out = [];
        const visible = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
          const text = node.nodeValue.replace(/\\s+/g, ' ').trim();
          if (text && visible(node.parentElement) && !node.parentElement.closest('script,style,svg,.fjs-form')) {
            out.push(text);
          }
        }
        document.querySelectorAll('input[placeholder],textarea[placeholder],[title]').forEach((el) => {
          if (visible(el)) {
            out.push((el.getAttribute('placeholder') || el.getAttribute('title') || '').trim());
          }
        });
        return out;
        """);
    return new ArrayList<>((List<String>) texts);
  }

  /** The English labels of this webapp visible on the page now. */
  static Set<String> visibleOn(JavascriptExecutor page, String app) {
    Set<String> english = of(app);
    Set<String> found = new TreeSet<>();
    for (String text : visibleTexts(page)) {
      if (english.contains(text)) {
        found.add(text);
      }
    }
    return found;
  }

  private static JsonNode read(String resource) {
    try (InputStream in = EnglishLabels.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " absent du classpath");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
