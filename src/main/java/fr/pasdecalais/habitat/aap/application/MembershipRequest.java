package fr.pasdecalais.habitat.aap.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A partner account asks to act for an organisation (recorded when it files for a SIRET it is not
 * linked to); an instructeur accepts or refuses it in the {@code organization-membership} process.
 * At most one pending request per account and organisation: the column {@code pending} is true
 * while pending and null afterwards, under a unique constraint with the account and organisation.
 */
@Entity
@Table(name = "organization_membership_request")
public class MembershipRequest {

  public enum Status {
    PENDING("en attente"), ACCEPTED("acceptée"), REFUSED("refusée");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false, length = 64)
  private String userId;

  @Column(name = "organization_id", nullable = false)
  private Long organizationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Status status = Status.PENDING;

  @Column(name = "pending")
  private Boolean pending = Boolean.TRUE;

  /** The call the account tried to file on. */
  @Column(name = "call_reference", length = 60)
  private String callReference;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "refusal_reason", length = 1000)
  private String refusalReason;

  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Version
  private long version;

  protected MembershipRequest() {}

  public MembershipRequest(String userId, Long organizationId, String callReference, Instant requestedAt) {
    this.userId = userId;
    this.organizationId = organizationId;
    this.callReference = callReference;
    this.requestedAt = requestedAt;
  }

  public void accept(String actor, Instant at) {
    decide(Status.ACCEPTED, actor, at, null);
  }

  public void refuse(String actor, Instant at, String reason) {
    decide(Status.REFUSED, actor, at, reason);
  }

  private void decide(Status outcome, String actor, Instant at, String reason) {
    if (status != Status.PENDING) {
      throw new IllegalStateException("La demande de rattachement " + id + " est déjà " + status.label() + ".");
    }
    this.status = outcome;
    this.pending = null;
    this.decidedBy = actor;
    this.decidedAt = at;
    this.refusalReason = reason;
  }

  public void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public boolean isPending() {
    return status == Status.PENDING;
  }

  public Long getId() { return id; }
  public String getUserId() { return userId; }
  public Long getOrganizationId() { return organizationId; }
  public Status getStatus() { return status; }
  public String getCallReference() { return callReference; }
  public Instant getRequestedAt() { return requestedAt; }
  public Instant getDecidedAt() { return decidedAt; }
  public String getDecidedBy() { return decidedBy; }
  public String getRefusalReason() { return refusalReason; }
  public String getProcessInstanceId() { return processInstanceId; }
}
