package fr.pasdecalais.habitat.aap.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A payment order of a grant agreement (mandat for an advance or a balance, titre de recette for a
 * recovery). One live order per kind and agreement: see {@code payment_slot} in V20.
 */
@Entity
@Table(name = "payment")
public class Payment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "agreement_id", nullable = false)
  private Long agreementId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private PaymentKind kind;

  /** The kind while the order is live, null once cancelled: the key of the idempotency constraint. */
  @Enumerated(EnumType.STRING)
  @Column(name = "payment_slot", length = 20)
  private PaymentKind slot;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private PaymentStatus status;

  @Column(nullable = false, precision = 14, scale = 2)
  private BigDecimal amount;

  @Column(name = "order_number", nullable = false, length = 60)
  private String orderNumber;

  @Column(name = "mandate_number", length = 60)
  private String mandateNumber;

  /** MANDAT-year (advance, balance) or TITRE-year (recovery) once paid: a number is unique in its series. */
  @Column(name = "mandate_series", length = 20)
  private String mandateSeries;

  /** The series an order's mandate (or titre de recette) number belongs to: its kind and budget year. */
  public static String mandateSeries(PaymentKind kind, LocalDate paidOn) {
    return (kind == PaymentKind.RECOVERY ? "TITRE-" : "MANDAT-") + paidOn.getYear();
  }

  @Column(nullable = false, length = 255)
  private String label;

  /** INSTALMENT: its number in the terms (1, 2…); 0 for the others. (agreement, slot, instalment) is unique. */
  @Column(nullable = false)
  private int instalment;

  @Column(name = "ordered_at", nullable = false)
  private Instant orderedAt;

  @Column(name = "paid_on")
  private LocalDate paidOn;

  /** Who validated the mandate: the assignee of "Valider le mandatement" when it was completed. */
  @Column(name = "validated_by", length = 64)
  private String validatedBy;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Version
  private long version;

  protected Payment() {}

  Payment(Long agreementId, PaymentKind kind, BigDecimal amount, String orderNumber, String label, Instant orderedAt) {
    this.agreementId = agreementId;
    this.kind = kind;
    this.slot = kind;
    this.status = PaymentStatus.ORDERED;
    this.amount = amount.setScale(2, RoundingMode.HALF_UP);
    this.orderNumber = orderNumber;
    this.label = label;
    this.orderedAt = orderedAt;
  }

  Payment(Long agreementId, PaymentKind kind, int instalment, BigDecimal amount, String orderNumber, String label,
      Instant orderedAt) {
    this(agreementId, kind, amount, orderNumber, label, orderedAt);
    this.instalment = instalment;
  }

  public int getInstalment() {
    return instalment;
  }

  void markPaid(LocalDate paidOn, String mandateNumber, String validatedBy) {
    this.validatedBy = validatedBy;
    this.mandateSeries = mandateSeries(kind, paidOn);
    this.status = PaymentStatus.PAID;
    this.paidOn = paidOn;
    this.mandateNumber = mandateNumber;
  }

  void cancel(Instant at) {
    this.status = PaymentStatus.CANCELLED;
    this.slot = null;
    this.cancelledAt = at;
  }

  public String getValidatedBy() {
    return validatedBy;
  }

  public Long getId() {
    return id;
  }

  public Long getAgreementId() {
    return agreementId;
  }

  public PaymentKind getKind() {
    return kind;
  }

  public PaymentStatus getStatus() {
    return status;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getOrderNumber() {
    return orderNumber;
  }

  public String getMandateNumber() {
    return mandateNumber;
  }

  public String getLabel() {
    return label;
  }

  public Instant getOrderedAt() {
    return orderedAt;
  }

  public LocalDate getPaidOn() {
    return paidOn;
  }

  public Instant getCancelledAt() {
    return cancelledAt;
  }

  public boolean isLive() {
    return status != PaymentStatus.CANCELLED;
  }
}
