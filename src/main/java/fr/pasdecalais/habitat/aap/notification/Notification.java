package fr.pasdecalais.habitat.aap.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An e-mail to a person: stored before it is sent so that it is never lost. */
@Entity
@Table(name = "notification")
public class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** What it is about, e.g. {@code REGULARIZATION_REQUEST}: see {@link NotificationKind}. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private NotificationKind kind;

  @Column(nullable = false, length = 254)
  private String recipient;

  @Column(nullable = false, length = 300)
  private String subject;

  @Column(nullable = false, length = 8000)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private NotificationStatus status = NotificationStatus.PENDING;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  /** The dossier it belongs to, e.g. {@code AAP-2023-ASTRE-0007}. */
  @Column(name = "application_reference", length = 80)
  private String applicationReference;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Version
  private long version;

  protected Notification() {}

  public Notification(NotificationKind kind, String recipient, String subject, String body,
      String applicationReference, Instant createdAt) {
    this.kind = kind;
    this.recipient = recipient;
    this.subject = subject;
    this.body = body;
    this.applicationReference = applicationReference;
    this.createdAt = createdAt;
  }

  /**
   * An attempt begins: recorded (and committed, in a transaction of its own) before the e-mail is handed
   * to the SMTP server, so that a crash between the send and the commit of {@link NotificationStatus#SENT}
   * leaves a visible trace: status {@code SENDING}, attempts counted.
   */
  void markSending() {
    this.status = NotificationStatus.SENDING;
    this.attempts++;
  }

  /** Handed to the SMTP server (the attempt was counted by {@link #markSending()}). */
  void markSent(Instant at) {
    this.status = NotificationStatus.SENT;
    this.sentAt = at;
    this.lastError = null;
  }

  /** No mail server: written to the log, one attempt. */
  void markLogged(Instant at) {
    this.status = NotificationStatus.LOGGED;
    this.attempts++;
    this.sentAt = at;
    this.lastError = null;
  }

  /** The attempt counted by {@link #markSending()} failed. */
  void markFailed(String error) {
    this.status = NotificationStatus.FAILED;
    this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
  }

  public Long getId() { return id; }
  public NotificationKind getKind() { return kind; }
  public String getRecipient() { return recipient; }
  public String getSubject() { return subject; }
  public String getBody() { return body; }
  public NotificationStatus getStatus() { return status; }
  public int getAttempts() { return attempts; }
  public String getLastError() { return lastError; }
  public String getApplicationReference() { return applicationReference; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getSentAt() { return sentAt; }
}
