package fr.pasdecalais.habitat.aap.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An avenant: what the convention said before, what it says after, and the decision. Never deleted. */
@Entity
@Table(name = "amendment")
public class Amendment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "agreement_id", nullable = false)
  private Long agreementId;

  @Column(name = "sequence_number", nullable = false)
  private int sequenceNumber;

  @Column(nullable = false, length = 2000)
  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private AmendmentStatus status;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "previous_amount", nullable = false, precision = 14, scale = 2)
  private BigDecimal previousAmount;

  @Column(name = "previous_period_end", nullable = false)
  private LocalDate previousPeriodEnd;

  @Column(name = "new_amount", precision = 14, scale = 2)
  private BigDecimal newAmount;

  @Column(name = "new_period_end")
  private LocalDate newPeriodEnd;

  @Column(name = "decided_on")
  private LocalDate decidedOn;

  @Column(name = "decision_comment", length = 2000)
  private String decisionComment;

  protected Amendment() {}

  Amendment(GrantAgreement agreement, int sequenceNumber, String reason, Instant requestedAt) {
    this.agreementId = agreement.getId();
    this.sequenceNumber = sequenceNumber;
    this.reason = reason;
    this.status = AmendmentStatus.REQUESTED;
    this.requestedAt = requestedAt;
    this.previousAmount = agreement.getAmount();
    this.previousPeriodEnd = agreement.getPeriodEnd();
  }

  void decide(boolean approved, BigDecimal newAmount, LocalDate newPeriodEnd, LocalDate on, String comment) {
    this.status = approved ? AmendmentStatus.APPROVED : AmendmentStatus.REFUSED;
    this.newAmount = approved ? newAmount : null;
    this.newPeriodEnd = approved ? newPeriodEnd : null;
    this.decidedOn = on;
    this.decisionComment = comment;
  }

  public Long getId() { return id; }
  public Long getAgreementId() { return agreementId; }
  public int getSequenceNumber() { return sequenceNumber; }
  public String getReason() { return reason; }
  public AmendmentStatus getStatus() { return status; }
  public Instant getRequestedAt() { return requestedAt; }
  public BigDecimal getPreviousAmount() { return previousAmount; }
  public LocalDate getPreviousPeriodEnd() { return previousPeriodEnd; }
  public BigDecimal getNewAmount() { return newAmount; }
  public LocalDate getNewPeriodEnd() { return newPeriodEnd; }
  public LocalDate getDecidedOn() { return decidedOn; }
  public String getDecisionComment() { return decisionComment; }
}
