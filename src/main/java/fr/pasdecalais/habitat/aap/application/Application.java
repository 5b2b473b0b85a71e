package fr.pasdecalais.habitat.aap.application;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A dossier de candidature to a lot of a call; its reference (e.g. {@code AAP-2023-ASTRE-0007}) is the business key. */
@Entity
@Table(name = "application")
public class Application {

  /** How the dossier reached the service. */
  public enum Channel { API, POSTAL }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 80)
  private String reference;

  @Column(name = "call_id", nullable = false)
  private Long callId;

  @Column(name = "call_reference", nullable = false, length = 60)
  private String callReference;

  @Column(name = "lot_id", nullable = false)
  private Long lotId;

  @Column(name = "lot_code", nullable = false, length = 30)
  private String lotCode;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "organization_id")
  private Organization organization;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "application_territory", joinColumns = @JoinColumn(name = "application_id"))
  @Column(name = "territory", length = 80)
  private Set<String> territories = new LinkedHashSet<>();

  @Column(name = "requested_amount", precision = 14, scale = 2)
  private BigDecimal requestedAmount;

  @Column(name = "requested_units")
  private Integer requestedUnits;

  @Column(nullable = false, length = 4000)
  private String summary;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private ApplicationState state;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Channel channel;

  /** When the dossier was received: what the deadline is judged on. */
  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "submitted_by", nullable = false, length = 64)
  private String submittedBy;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Column(name = "eligibility_reason", length = 1000)
  private String eligibilityReason;

  @Column(name = "jury_session_id")
  private Long jurySessionId;

  @Column(name = "weighted_score", precision = 6, scale = 2)
  private BigDecimal weightedScore;

  private Boolean granted;

  @Column(name = "award_decision_id")
  private Long awardDecisionId;

  @Column(name = "decision_label", length = 500)
  private String decisionLabel;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "withdrawal_reason", length = 1000)
  private String withdrawalReason;

  /** When the dossier's process ended (or the dossier reached a final state): null while it is active. */
  @Column(name = "closed_at")
  private Instant closedAt;

  /**
   * "lot id:SIRET" while the dossier is active on a call admitting one dossier per holder, else null:
   * the database's unique constraint then refuses a second active dossier, whatever the race.
   */
  @Column(name = "holder_slot", length = 120)
  private String holderSlot;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version
  private long version;

  protected Application() {}

  public Application(String reference, Long callId, String callReference, Long lotId, String lotCode,
      Organization organization, Set<String> territories, BigDecimal requestedAmount, Integer requestedUnits,
      String summary, Channel channel, Instant receivedAt, String submittedBy, Instant createdAt) {
    this.reference = reference;
    this.callId = callId;
    this.callReference = callReference;
    this.lotId = lotId;
    this.lotCode = lotCode;
    this.organization = organization;
    this.territories.addAll(territories);
    this.requestedAmount = requestedAmount == null ? null : requestedAmount.setScale(2, RoundingMode.HALF_UP);
    this.requestedUnits = requestedUnits;
    this.summary = summary;
    this.channel = channel;
    this.receivedAt = receivedAt;
    this.submittedBy = submittedBy;
    this.createdAt = createdAt;
    this.state = ApplicationState.RECEIVED;
  }

  void moveTo(ApplicationState newState, Instant at) {
    this.state = newState;
    if (ApplicationState.FINAL.contains(newState)) {
      this.closedAt = at;
      this.holderSlot = null;
    }
  }

  /** The call admits one dossier per holder: this one takes the holder's slot on its lot. */
  void takeHolderSlot() {
    this.holderSlot = lotId + ":" + organization.getSiret();
  }

  void attachProcess(String processInstanceId) { this.processInstanceId = processInstanceId; }

  /** The dossier's process ended (whatever the end): the dossier is no longer active for its call. */
  void processEnded(Instant at) {
    if (closedAt == null) {
      closedAt = at;
    }
  }
  void eligibilityDecided(String reason) { this.eligibilityReason = reason; }
  void juryConvened(Long jurySessionId) { this.jurySessionId = jurySessionId; }
  void scored(BigDecimal weightedScore) { this.weightedScore = weightedScore; }
  void withdrawn(String reason) { this.withdrawalReason = reason; }

  void decided(boolean granted, Long awardDecisionId, String label, Instant at) {
    this.granted = granted;
    this.awardDecisionId = awardDecisionId;
    this.decisionLabel = label;
    this.decidedAt = at;
  }

  public Long getId() { return id; }
  public String getReference() { return reference; }
  public Long getCallId() { return callId; }
  public String getCallReference() { return callReference; }
  public Long getLotId() { return lotId; }
  public String getLotCode() { return lotCode; }
  public Organization getOrganization() { return organization; }
  public Set<String> getTerritories() { return territories; }
  public BigDecimal getRequestedAmount() { return requestedAmount; }
  public Integer getRequestedUnits() { return requestedUnits; }
  public String getSummary() { return summary; }
  public ApplicationState getState() { return state; }
  public Channel getChannel() { return channel; }
  public Instant getReceivedAt() { return receivedAt; }
  public String getSubmittedBy() { return submittedBy; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getEligibilityReason() { return eligibilityReason; }
  public Long getJurySessionId() { return jurySessionId; }
  public BigDecimal getWeightedScore() { return weightedScore; }
  public Boolean getGranted() { return granted; }
  public Long getAwardDecisionId() { return awardDecisionId; }
  public String getDecisionLabel() { return decisionLabel; }
  public Instant getDecidedAt() { return decidedAt; }
  public String getWithdrawalReason() { return withdrawalReason; }
  public Instant getClosedAt() { return closedAt; }
  public Instant getCreatedAt() { return createdAt; }
}
