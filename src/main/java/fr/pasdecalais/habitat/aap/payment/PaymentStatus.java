package fr.pasdecalais.habitat.aap.payment;

/** Life of a payment order: ORDERED → PAID, or ORDERED → CANCELLED. */
public enum PaymentStatus {
  ORDERED,
  PAID,
  CANCELLED
}
