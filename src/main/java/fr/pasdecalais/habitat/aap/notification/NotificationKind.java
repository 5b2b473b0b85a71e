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
  // grant agreements (agreement, reporting capabilities)
  REPORT_REMINDER,
  RECOVERY_ORDERED,
  FORMAL_NOTICE,
  AGREEMENT_TERMINATED
}
