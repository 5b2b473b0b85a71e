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
