package fr.pasdecalais.habitat.aap.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

/**
 * Which Camunda Forms the browser tests rendered, submitted and saw refuse an invalid value, for
 * the whole run (the browser tests share one JVM); {@code FormsCoverageBrowserIT} runs last and
 * fails naming each form of {@code forms/} never opened.
 */
public final class Forms {

  private static final Set<String> OPENED = new ConcurrentSkipListSet<>();
  private static final Set<String> SUBMITTED = new ConcurrentSkipListSet<>();
  private static final Set<String> REFUSED = new ConcurrentSkipListSet<>();

  private Forms() {}

  static void opened(String form) {
    if (form != null) {
      OPENED.add(form);
    }
  }

  static void submitted(String form) {
    if (form != null) {
      SUBMITTED.add(form);
    }
  }

  static void refused(String form) {
    if (form != null) {
      REFUSED.add(form);
    }
  }

  public static Set<String> opened() {
    return new TreeSet<>(OPENED);
  }

  public static Set<String> submitted() {
    return new TreeSet<>(SUBMITTED);
  }

  public static Set<String> refused() {
    return new TreeSet<>(REFUSED);
  }

  /** Writes {@code target/e2e/forms.txt}: each form of the repository, opened / submitted / refused an invalid value. */
  static void writeReport() {
    StringBuilder out = new StringBuilder("Formulaires ouverts dans le navigateur : " + opened().size() + " / " + all().size() + "\n");
    for (String form : all()) {
      out.append(String.format(java.util.Locale.ROOT, "%-32s %s %s %s%n", form, OPENED.contains(form) ? "ouvert" : "JAMAIS OUVERT",
          SUBMITTED.contains(form) ? "soumis" : "-", REFUSED.contains(form) ? "valeur invalide refusée" : "-"));
    }
    try {
      Files.createDirectories(Path.of("target", "e2e"));
      Files.writeString(Path.of("target", "e2e", "forms.txt"), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ids of the forms of the repository ({@code forms/*.form}, the file name without extension). */
  public static Set<String> all() {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return new TreeSet<>(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".form"))
          .map(n -> n.substring(0, n.length() - ".form".length())).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
