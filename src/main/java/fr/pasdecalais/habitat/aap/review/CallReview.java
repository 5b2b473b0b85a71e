package fr.pasdecalais.habitat.aap.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The final review (bilan) of a call, recorded when it is closed out. */
@Entity
@Table(name = "call_review")
public class CallReview {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "call_id", nullable = false, unique = true)
  private Long callId;
  @Column(name = "total_granted", nullable = false, precision = 14, scale = 2)
  private BigDecimal totalGranted;
  @Column(name = "total_paid", precision = 14, scale = 2)
  private BigDecimal totalPaid;
  @Column(name = "total_recovered", precision = 14, scale = 2)
  private BigDecimal totalRecovered;
  @Column(name = "granted_count", nullable = false)
  private int grantedCount;
  @Column(name = "refused_count", nullable = false)
  private int refusedCount;
  @Column(name = "review_comment", nullable = false, length = 4000)
  private String reviewComment;
  @Column(name = "reviewed_by", length = 64)
  private String reviewedBy;
  @Column(name = "closed_out_at", nullable = false)
  private Instant closedOutAt;

  protected CallReview() {}

  public CallReview(Long callId, BigDecimal totalGranted, BigDecimal totalPaid, BigDecimal totalRecovered,
      int grantedCount, int refusedCount, String reviewComment, String reviewedBy, Instant closedOutAt) {
    this.callId = callId;
    this.totalGranted = totalGranted;
    this.totalPaid = totalPaid;
    this.totalRecovered = totalRecovered;
    this.grantedCount = grantedCount;
    this.refusedCount = refusedCount;
    this.reviewComment = reviewComment;
    this.reviewedBy = reviewedBy;
    this.closedOutAt = closedOutAt;
  }

  public Long getId() {
    return id;
  }

  public Long getCallId() {
    return callId;
  }

  public BigDecimal getTotalGranted() {
    return totalGranted;
  }

  /** Paid on the call's conventions (null when the payment capability is absent). */
  public BigDecimal getTotalPaid() {
    return totalPaid;
  }

  public BigDecimal getTotalRecovered() {
    return totalRecovered;
  }

  public int getGrantedCount() {
    return grantedCount;
  }

  public int getRefusedCount() {
    return refusedCount;
  }

  public String getReviewComment() {
    return reviewComment;
  }

  public Instant getClosedOutAt() {
    return closedOutAt;
  }
}
