package fr.pasdecalais.habitat.aap.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import fr.pasdecalais.habitat.aap.identity.LoginAttempt.Door;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic, on a clock the test moves. */
class LoginThrottleTest {

  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-11-30T10:00:00Z");
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
    void advance(Duration d) { now = now.plus(d); }
  }

  final MovingClock clock = new MovingClock();
  final LoginThrottle throttle = new LoginThrottle(mock(LoginAttemptRepository.class), clock);

  @Test
  void fiveFailuresAreFreeThenTheWindowDoublesUpToFiveMinutes() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("laurent.petit", "10.0.0.9", Door.API);
      assertThat(throttle.blockedFor("laurent.petit", "10.0.0.9")).isEmpty();
    }
    throttle.failed("laurent.petit", "10.0.0.9", Door.API);
    assertThat(throttle.blockedFor("laurent.petit", "10.0.0.9")).contains(Duration.ofSeconds(1));
    long last = 0;
    for (int i = 0; i < 20; i++) {
      clock.advance(Duration.ofMinutes(5));
      throttle.failed("laurent.petit", "10.0.0.9", Door.API);
      last = throttle.blockedFor("laurent.petit", "10.0.0.9").orElseThrow().toSeconds();
      assertThat(last).isLessThanOrEqualTo(300);
    }
    assertThat(last).isEqualTo(300);
  }

  @Test
  void anAttackerFromOneAddressNeverLocksThePersonOutOfTheirOwnPost() {
    for (int i = 0; i < 200; i++) {
      clock.advance(Duration.ofSeconds(2));
      if (throttle.blockedFor("laurent.petit", "203.0.113.7").isEmpty()) {
        throttle.failed("laurent.petit", "203.0.113.7", Door.ENGINE_REST);
      }
    }
    assertThat(throttle.blockedFor("laurent.petit", "203.0.113.7")).isPresent();
    assertThat(throttle.blockedFor("laurent.petit", "10.1.2.3")).as("the finance officer at their desk").isEmpty();
  }

  @Test
  void aDistributedGuessDelaysTheAccountAMinuteAtMostAndIsForgotten() {
    for (int i = 0; i < 60; i++) {
      throttle.failed("admin", "198.51.100." + i, Door.WEBAPP);
    }
    Duration wait = throttle.blockedFor("admin", "10.1.2.3").orElseThrow();
    assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(1));
    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(throttle.blockedFor("admin", "10.1.2.3")).isEmpty();
    clock.advance(LoginThrottle.FORGET_AFTER);
    throttle.failed("admin", "198.51.100.1", Door.WEBAPP);
    assertThat(throttle.blockedFor("admin", "10.1.2.3")).as("counters forgotten after quiet minutes").isEmpty();
  }

  @Test
  void aSuccessClearsTheAccountFromThatAddress() {
    for (int i = 0; i < 6; i++) {
      throttle.failed("camille.martin", "10.0.0.5", Door.API);
    }
    clock.advance(Duration.ofSeconds(2));
    throttle.succeeded("camille.martin", "10.0.0.5");
    throttle.failed("camille.martin", "10.0.0.5", Door.API);
    assertThat(throttle.blockedFor("camille.martin", "10.0.0.5")).isEmpty();
  }

  @Test
  void theMessageIsFrench() {
    assertThat(LoginThrottle.message(Duration.ofMillis(1500)))
        .isEqualTo("Trop de tentatives de connexion échouées : réessayez dans 2 secondes.");
  }
}
