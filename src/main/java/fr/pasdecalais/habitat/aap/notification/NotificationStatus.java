package fr.pasdecalais.habitat.aap.notification;

/** Where a notification stands. */
public enum NotificationStatus {
  /** Stored, the e-mail job has not run yet (or failed and will be retried). */
  PENDING,
  /**
   * An attempt is under way (recorded before the SMTP send, in a transaction of its own). Left so after a
   * crash between the send and the commit: the job is retried and sends again, with the same Message-ID.
   */
  SENDING,
  /** Handed to the SMTP server. */
  SENT,
  /** No mail server configured (default profile): stored and written to the log only. */
  LOGGED,
  /** The last attempt failed; the engine job retries it (incident in Cockpit when retries are exhausted). */
  FAILED
}
