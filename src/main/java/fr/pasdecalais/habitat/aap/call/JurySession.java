package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A session of a call's selection jury: date, opinion deadline and the members who sit. */
@Entity
@Table(name = "jury_session")
public class JurySession {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "call_id", nullable = false)
  private Long callId;

  @Column(name = "call_reference", nullable = false, length = 60)
  private String callReference;

  @Column(name = "session_at", nullable = false)
  private OffsetDateTime sessionAt;

  @Column(name = "opinion_deadline", nullable = false)
  private OffsetDateTime opinionDeadline;

  @Column(name = "organised_by", length = 64)
  private String organisedBy;

  /** The lot this session selects when the call is decided lot by lot; null: every lot of the call. */
  @Column(name = "lot_code", length = 30)
  private String lotCode;

  @Column(name = "reminder_sent_at")
  private Instant reminderSentAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "jury_session_member", joinColumns = @JoinColumn(name = "session_id"))
  @OrderColumn(name = "position")
  private List<CallJuryMember> members = new ArrayList<>();

  protected JurySession() {}

  public JurySession(CallForProjects call, OffsetDateTime sessionAt, OffsetDateTime opinionDeadline,
      List<CallJuryMember> members, String organisedBy, Instant createdAt) {
    this.callId = call.getId();
    this.callReference = call.getReference();
    this.sessionAt = sessionAt;
    this.opinionDeadline = opinionDeadline;
    this.members.addAll(members);
    this.organisedBy = organisedBy;
    this.createdAt = createdAt;
  }

  JurySession forLot(String lot) {
    this.lotCode = lot;
    return this;
  }

  /** The lot of the session, or null when it sits for every lot of the call. */
  public String getLotCode() {
    return lotCode;
  }

  /** True when a dossier of {@code lot} belongs before this session. */
  public boolean sitsFor(String lot) {
    return lotCode == null || lotCode.equals(lot);
  }

  void reminded(Instant at) {
    this.reminderSentAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getCallId() {
    return callId;
  }

  public String getCallReference() {
    return callReference;
  }

  public OffsetDateTime getSessionAt() {
    return sessionAt;
  }

  public OffsetDateTime getOpinionDeadline() {
    return opinionDeadline;
  }

  public String getOrganisedBy() {
    return organisedBy;
  }

  public Instant getReminderSentAt() {
    return reminderSentAt;
  }

  public List<CallJuryMember> getMembers() {
    return List.copyOf(members);
  }

  public List<String> memberIds() {
    return members.stream().map(CallJuryMember::getUserId).toList();
  }
}
