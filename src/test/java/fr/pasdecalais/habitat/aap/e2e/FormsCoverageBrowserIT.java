package fr.pasdecalais.habitat.aap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other browser test class (failsafe's {@code browser} execution orders the classes by
 * {@code @Order}): every form of {@code forms/} must have been rendered in the browser and submitted.
 * The list of the run is in {@code target/e2e/forms.txt}.
 */
@BrowserTest
@Order(Integer.MAX_VALUE)
class FormsCoverageBrowserIT {

  @Test
  void everyFormOfTheRepositoryWasOpenedAndSubmittedInTheBrowser() {
    Set<String> neverOpened = new TreeSet<>(Forms.all());
    neverOpened.removeAll(Forms.opened());
    assertThat(neverOpened).as("formulaires jamais ouverts dans le navigateur").isEmpty();
    Set<String> neverSubmitted = new TreeSet<>(Forms.all());
    neverSubmitted.removeAll(Forms.submitted());
    assertThat(neverSubmitted).as("formulaires jamais soumis dans le navigateur").isEmpty();
  }
}
