package fr.pasdecalais.habitat.aap.decision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The jury's synthesis for one dossier: rank, recommendation, proposed amount and units. */
@Entity
@Table(name = "selection_proposal")
public class SelectionProposal {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "call_reference", nullable = false, length = 60)
  private String callReference;
  @Column(name = "application_id")
  private Long applicationId;
  @Column(name = "application_reference", nullable = false, length = 80)
  private String applicationReference;
  @Column(name = "lot_code", nullable = false, length = 30)
  private String lotCode;
  @Column(name = "organization_name", nullable = false, length = 200)
  private String organizationName;
  @Column(name = "weighted_score", precision = 6, scale = 2)
  private BigDecimal weightedScore;
  @Column(name = "rank_in_lot", nullable = false)
  private int rank;
  @Column(nullable = false, length = 20)
  private String recommendation;
  @Column(nullable = false)
  private boolean granted;
  @Column(name = "proposed_amount", nullable = false, precision = 14, scale = 2)
  private BigDecimal proposedAmount;
  @Column(name = "proposed_units")
  private Integer proposedUnits;
  @Column(length = 1000)
  private String reason;
  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected SelectionProposal() {}

  public SelectionProposal(String callReference, Long applicationId, String applicationReference, String lotCode,
      String organizationName) {
    this.callReference = callReference;
    this.applicationId = applicationId;
    this.applicationReference = applicationReference;
    this.lotCode = lotCode;
    this.organizationName = organizationName;
  }

  public void update(BigDecimal weightedScore, int rank, String recommendation, boolean granted,
      BigDecimal proposedAmount, Integer proposedUnits, String reason, Instant at) {
    this.weightedScore = weightedScore;
    this.rank = rank;
    this.recommendation = recommendation;
    this.granted = granted;
    this.proposedAmount = proposedAmount;
    this.proposedUnits = proposedUnits;
    this.reason = reason;
    this.updatedAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getCallReference() {
    return callReference;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public String getApplicationReference() {
    return applicationReference;
  }

  public String getLotCode() {
    return lotCode;
  }

  public String getOrganizationName() {
    return organizationName;
  }

  public BigDecimal getWeightedScore() {
    return weightedScore;
  }

  public int getRank() {
    return rank;
  }

  public String getRecommendation() {
    return recommendation;
  }

  public boolean isGranted() {
    return granted;
  }

  public BigDecimal getProposedAmount() {
    return proposedAmount;
  }

  public Integer getProposedUnits() {
    return proposedUnits;
  }

  public String getReason() {
    return reason;
  }
}
