package fr.pasdecalais.habitat.aap.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A failed login, or the start of a throttling window: who, when, from where, through which door. */
@Entity
@Table(name = "login_attempt")
public class LoginAttempt {

  /** Where the login was tried. */
  public enum Door { API, ENGINE_REST, WEBAPP }

  /** What happened. */
  public enum Outcome {
    /** Wrong password or unknown account. */
    FAILURE,
    /** Right password, but the account's groups do not open this webapp. */
    REFUSED,
    /** Too many failures: further attempts are refused for a while. */
    THROTTLED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "user_id", nullable = false, length = 128)
  private String userId;

  @Column(name = "source_address", nullable = false, length = 64)
  private String sourceAddress;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Door door;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Outcome outcome;

  @Column(length = 300)
  private String detail;

  protected LoginAttempt() {}

  public LoginAttempt(Instant occurredAt, String userId, String sourceAddress, Door door, Outcome outcome, String detail) {
    this.occurredAt = occurredAt;
    this.userId = cut(userId, 128);
    this.sourceAddress = cut(sourceAddress, 64);
    this.door = door;
    this.outcome = outcome;
    this.detail = cut(detail, 300);
  }

  private static String cut(String s, int max) {
    String v = s == null ? "" : s;
    return v.length() <= max ? v : v.substring(0, max);
  }

  public Long getId() { return id; }
  public Instant getOccurredAt() { return occurredAt; }
  public String getUserId() { return userId; }
  public String getSourceAddress() { return sourceAddress; }
  public Door getDoor() { return door; }
  public Outcome getOutcome() { return outcome; }
  public String getDetail() { return detail; }
}
