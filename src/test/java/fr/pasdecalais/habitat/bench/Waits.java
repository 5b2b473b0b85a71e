package fr.pasdecalais.habitat.bench;

import java.time.Duration;
import java.util.function.Supplier;

/** Polling with back-off (10 ms doubling to 200 ms), as a user's screen refreshing would, bounded in time. */
final class Waits {

  static final Duration TIMEOUT = Duration.ofSeconds(120);
  /** Every probe is a read the driver makes (one transaction for PostgreSQL): counted apart from the commits. */
  static final java.util.concurrent.atomic.AtomicLong PROBES = new java.util.concurrent.atomic.AtomicLong();

  private Waits() {}

  static <T> T until(String what, Supplier<T> probe) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    long pause = 10;
    while (true) {
      PROBES.incrementAndGet();
      T value = probe.get();
      if (value != null && !Boolean.FALSE.equals(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("attente dépassée : " + what);
      }
      Thread.sleep(pause);
      pause = Math.min(200, pause * 2);
    }
  }
}
