package fr.pasdecalais.habitat.aap.identity;

import fr.pasdecalais.habitat.aap.identity.LoginAttempt.Door;
import fr.pasdecalais.habitat.aap.identity.LoginAttempt.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Delays failed logins without ever locking a person out for long. Three counters, each forgotten
 * {@link #FORGET_AFTER} after its last failure:
 * <ul>
 *   <li>one account from one address: 5 failures free, then a window of 1, 2, 4… seconds, at most 5 minutes;</li>
 *   <li>one address, any account (someone trying one password on many accounts): 100 free, at most 1 minute
 *   (a whole office behind one proxy address must not be locked out by a few mistyped passwords);</li>
 *   <li>one account, any address (a distributed guess): 50 free, at most 1 minute — so that nobody can lock
 *   another person's account for longer than a minute at a time.</li>
 * </ul>
 * Attempts inside a window are refused before any password check and do not count. A success
 * clears the account-from-address counter. The engine's own lock is switched off
 * ({@code login-max-attempts}, {@code login-delay-max-time} in {@code application.yaml}): it locked an
 * account for everybody, permanently after ten failures. Failures and windows are stored in
 * {@code login_attempt} ({@code GET /api/admin/login-attempts}). The counters live in this node's memory.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  static final int RETENTION_DAYS = 90;
  private static final int MAX_ENTRIES = 50_000;

  private record Rule(String prefix, int free, long maxSeconds) {}

  private static final Rule PAIR = new Rule("pair:", 5, 300);
  private static final Rule SOURCE = new Rule("source:", 100, 60);
  private static final Rule ACCOUNT = new Rule("account:", 50, 60);

  private static final class Counter {
    int failures;
    Instant lastFailure;
    Instant blockedUntil;
  }

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final LoginAttemptRepository log;
  private final Clock clock;
  private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

  @Autowired
  public LoginThrottle(LoginAttemptRepository log) {
    this(log, Clock.systemUTC());
  }

  LoginThrottle(LoginAttemptRepository log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** How long this account may not try from this address, if at all. */
  public Optional<Duration> blockedFor(String user, String source) {
    Instant now = clock.instant();
    Duration longest = Duration.ZERO;
    for (String key : keys(user, source)) {
      Counter c = counters.get(key);
      if (c != null && c.blockedUntil != null && c.blockedUntil.isAfter(now)) {
        Duration left = Duration.between(now, c.blockedUntil);
        longest = left.compareTo(longest) > 0 ? left : longest;
      }
    }
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  public void failed(String user, String source, Door door) {
    Instant now = clock.instant();
    purgeIfLarge(now);
    Rule[] rules = {PAIR, SOURCE, ACCOUNT};
    String[] keys = keys(user, source);
    Duration opened = Duration.ZERO;
    for (int i = 0; i < rules.length; i++) {
      Counter c = counters.computeIfAbsent(keys[i], k -> new Counter());
      synchronized (c) {
        if (c.lastFailure != null && c.lastFailure.plus(FORGET_AFTER).isBefore(now)) {
          c.failures = 0;
          c.blockedUntil = null;
        }
        c.failures++;
        c.lastFailure = now;
        if (c.failures > rules[i].free()) {
          long seconds = Math.min(rules[i].maxSeconds(), 1L << Math.min(30, c.failures - rules[i].free() - 1));
          c.blockedUntil = now.plusSeconds(seconds);
          opened = Duration.ofSeconds(seconds).compareTo(opened) > 0 ? Duration.ofSeconds(seconds) : opened;
        }
      }
    }
    store(new LoginAttempt(now, user, source, door, Outcome.FAILURE, "Mot de passe incorrect ou compte inconnu."));
    if (!opened.isZero()) {
      LOG.warn("Connexions de « {} » depuis {} suspendues {} s après des échecs répétés ({})", user, source,
          opened.toSeconds(), door);
      store(new LoginAttempt(now, user, source, door, Outcome.THROTTLED,
          "Tentatives suspendues pendant " + opened.toSeconds() + " s."));
    }
  }

  /** A right password: the account-from-address counter starts again. */
  public void succeeded(String user, String source) {
    counters.remove(PAIR.prefix() + normalise(user) + "|" + source);
  }

  /** Right password, but no group of the account opens what was asked (a webapp). */
  public void refused(String user, String source, Door door, String detail) {
    store(new LoginAttempt(clock.instant(), user, source, door, Outcome.REFUSED, detail));
  }

  /** Forgets every counter (tests that fail logins on purpose clean up after themselves). */
  void forgetAll() {
    counters.clear();
  }

  /** The French sentence of a 429. */
  public static String message(Duration wait) {
    long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
    return "Trop de tentatives de connexion échouées : réessayez dans " + seconds + " seconde"
        + (seconds > 1 ? "s" : "") + ".";
  }

  private static String[] keys(String user, String source) {
    String u = normalise(user);
    return new String[] {PAIR.prefix() + u + "|" + source, SOURCE.prefix() + source, ACCOUNT.prefix() + u};
  }

  private static String normalise(String user) {
    return user == null ? "" : user.trim().toLowerCase(Locale.ROOT);
  }

  private void store(LoginAttempt attempt) {
    try {
      log.save(attempt);
    } catch (RuntimeException e) {
      LOG.warn("Tentative de connexion non journalisée : {}", e.getMessage());
    }
  }

  private void purgeIfLarge(Instant now) {
    if (counters.size() > MAX_ENTRIES) {
      counters.entrySet().removeIf(e -> e.getValue().lastFailure == null
          || e.getValue().lastFailure.plus(FORGET_AFTER).isBefore(now));
    }
    Instant last = lastPurge.get();
    if (last.plus(Duration.ofHours(1)).isBefore(now) && lastPurge.compareAndSet(last, now)) {
      try {
        log.deleteOlderThan(now.minus(Duration.ofDays(RETENTION_DAYS)));
      } catch (RuntimeException e) {
        LOG.warn("Purge du journal des connexions impossible : {}", e.getMessage());
      }
    }
  }
}
