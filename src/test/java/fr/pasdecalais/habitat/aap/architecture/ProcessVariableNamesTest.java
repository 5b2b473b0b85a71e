package fr.pasdecalais.habitat.aap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A process variable's name is written once, as a constant of its {@code *Process} class (or of
 * {@code shared.ProcessContract} when several processes share it): main code reads and writes
 * variables only through those constants, so that renaming one in a model is one change, found
 * by the compiler. Reads the sources (no Spring).
 */
class ProcessVariableNamesTest {

  /** {@code getVariable("x")}, {@code setVariableLocal("x", …)}, {@code removeVariable("x")}… with a literal name. */
  private static final Pattern LITERAL_NAME = Pattern.compile("\\b(?:get|set|remove)Variables?(?:Local)?(?:Typed)?\\(\\s*\"");

  @Test
  void mainCodeNamesProcessVariablesOnlyThroughConstants() throws IOException {
    List<String> findings = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path file : sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = LITERAL_NAME.matcher(lines.get(i));
          if (m.find()) {
            findings.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertThat(findings).as("variable names written as literals; use the constants of the *Process class").isEmpty();
  }

  @Test
  void theCheckRecognisesALiteralName() {
    assertThat(LITERAL_NAME.matcher("execution.getVariable(\"paymentDate\")").find()).isTrue();
    assertThat(LITERAL_NAME.matcher("execution.setVariableLocal( \"lotOpensAt\", w)").find()).isTrue();
    assertThat(LITERAL_NAME.matcher("execution.getVariable(VAR_PAYMENT_DATE)").find()).isFalse();
  }
}
