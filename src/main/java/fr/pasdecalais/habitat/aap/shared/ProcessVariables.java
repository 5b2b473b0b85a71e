package fr.pasdecalais.habitat.aap.shared;

import java.util.Date;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Setting a process variable to the value it already holds still costs the engine a write of the
 * variable and a history row ({@code ACT_HI_DETAIL}); a delegate that refreshes what a form shows
 * sets only what changed. A variable never set reads as {@code null}, so clearing an error message
 * that was never raised writes nothing either. Only plain values (text, number, yes/no, date) are
 * compared; any other value is always set.
 */
public final class ProcessVariables {

  private ProcessVariables() {}

  /** Sets {@code name} to {@code value} unless the scope already reads exactly that value. */
  public static void setChanged(VariableScope scope, String name, Object value) {
    if (value == null || plain(value)) {
      Object current = scope.getVariable(name);
      if (Objects.equals(current, value)) {
        return;
      }
    }
    scope.setVariable(name, value);
  }

  /** {@link #setChanged(VariableScope, String, Object)} for each entry. */
  public static void setChanged(VariableScope scope, Map<String, ?> values) {
    values.forEach((name, value) -> setChanged(scope, name, value));
  }

  private static boolean plain(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Date;
  }
}
