package fr.pasdecalais.habitat.aap.notification;

/** The notifications the processes send. */
public enum NotificationKind {
  RECEIPT_LATE,
  REGULARIZATION_REQUEST,
  REJECTED_INCOMPLETE,
  REJECTED_INELIGIBLE,
  JURY_REMINDER,
  DECISION_REFUSED,
  DECISION_GRANTED,
  WITHDRAWAL_ACKNOWLEDGED,
  // partner accounts (application capability: organisation membership)
  MEMBERSHIP_GRANTED,
  MEMBERSHIP_REFUSED,
  // grant agreements (agreement, reporting capabilities)
  REPORT_REMINDER,
  RECOVERY_ORDERED,
  FORMAL_NOTICE,
  AGREEMENT_TERMINATED
}
