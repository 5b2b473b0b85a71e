package fr.pasdecalais.habitat.aap.decision;

import fr.pasdecalais.habitat.aap.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The award decision for one dossier: granted (amount, units) or refused (reason), under a deliberation. */
@Entity
@Table(name = "award_decision")
public class AwardDecision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "call_reference", nullable = false, length = 60)
  private String callReference;
  @Column(name = "deliberation_id", nullable = false)
  private Long deliberationId;
  @Column(name = "application_id")
  private Long applicationId;
  @Column(name = "application_reference", nullable = false, unique = true, length = 80)
  private String applicationReference;
  @Column(name = "lot_code", nullable = false, length = 30)
  private String lotCode;
  @Column(name = "organization_name", nullable = false, length = 200)
  private String organizationName;
  @Column(nullable = false)
  private boolean granted;
  @Column(nullable = false, precision = 14, scale = 2)
  private BigDecimal amount;
  @Column
  private Integer units;
  @Column(length = 1000)
  private String reason;
  @Column(name = "decided_on", nullable = false)
  private LocalDate decidedOn;
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;
  /** Who decided: the Commission Permanente (deliberation) or the Préfet (decision), from the act. */
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(name = "deciding_body", length = 30)
  private fr.pasdecalais.habitat.aap.call.DecidingBody decidingBody;

  protected AwardDecision() {}

  public AwardDecision(Deliberation deliberation, SelectionProposal proposal, Instant createdAt) {
    this.callReference = deliberation.getCallReference();
    this.deliberationId = deliberation.getId();
    this.applicationId = proposal.getApplicationId();
    this.applicationReference = proposal.getApplicationReference();
    this.lotCode = proposal.getLotCode();
    this.organizationName = proposal.getOrganizationName();
    this.granted = proposal.isGranted();
    this.amount = proposal.isGranted() ? proposal.getProposedAmount() : BigDecimal.ZERO.setScale(2);
    this.units = proposal.isGranted() ? proposal.getProposedUnits() : null;
    this.reason = proposal.getReason();
    this.decidedOn = deliberation.getDecidedOn();
    this.decidingBody = deliberation.getDecidingBody();
    this.createdAt = createdAt;
  }

  /** French label for the dossier's forms: "Accordée : 25 493,66 € (157 unités)" or "Refusée : …". */
  public String frenchLabel(String deliberationLabel) {
    if (granted) {
      return "Subvention accordée : " + Money.format(amount) + (units == null ? "" : " (" + units + " unités)")
          + ", " + deliberationLabel;
    }
    return "Subvention refusée" + (reason == null || reason.isBlank() ? "" : " : " + reason) + ", " + deliberationLabel;
  }

  public fr.pasdecalais.habitat.aap.call.DecidingBody getDecidingBody() {
    return decidingBody;
  }

  public Long getId() {
    return id;
  }

  public String getCallReference() {
    return callReference;
  }

  public Long getDeliberationId() {
    return deliberationId;
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

  public boolean isGranted() {
    return granted;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public Integer getUnits() {
    return units;
  }

  public String getReason() {
    return reason;
  }

  public LocalDate getDecidedOn() {
    return decidedOn;
  }
}
