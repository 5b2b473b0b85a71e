package fr.pasdecalais.habitat.aap.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/** What was collected on a titre de recette (an encaissement), partial or full: its reference is unique per titre. */
@Entity
@Table(name = "payment_collection")
public class RecoveryCollection {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "payment_id", nullable = false)
  private Long paymentId;

  @Column(nullable = false, precision = 14, scale = 2)
  private BigDecimal amount;

  @Column(name = "collected_on", nullable = false)
  private LocalDate collectedOn;

  @Column(nullable = false, length = 60)
  private String reference;

  @Column(name = "recorded_by", nullable = false, length = 64)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected RecoveryCollection() {}

  RecoveryCollection(Long paymentId, BigDecimal amount, LocalDate collectedOn, String reference, String recordedBy,
      Instant recordedAt) {
    this.paymentId = paymentId;
    this.amount = amount.setScale(2, RoundingMode.HALF_UP);
    this.collectedOn = collectedOn;
    this.reference = reference;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getId() { return id; }
  public Long getPaymentId() { return paymentId; }
  public BigDecimal getAmount() { return amount; }
  public LocalDate getCollectedOn() { return collectedOn; }
  public String getReference() { return reference; }
  public String getRecordedBy() { return recordedBy; }
  public Instant getRecordedAt() { return recordedAt; }
}
