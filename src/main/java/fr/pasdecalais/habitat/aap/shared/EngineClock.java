package fr.pasdecalais.habitat.aap.shared;

import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the product: the engine's. Timers, due dates and records read the same time, and
 * a test that moves the engine clock ({@code ClockUtil.setCurrentTime}) moves every record's time with it.
 */
public final class EngineClock {

  private EngineClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Today in Paris. */
  public static LocalDate today() {
    return now().atZone(ParisDateTime.PARIS).toLocalDate();
  }
}
