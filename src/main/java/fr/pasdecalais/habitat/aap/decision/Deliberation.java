package fr.pasdecalais.habitat.aap.decision;

import fr.pasdecalais.habitat.aap.call.DecidingBody;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The deciding body's act on a call's awards: a Commission Permanente deliberation (number such as
 * 2023-326, date, votes, adopted or not) or a Préfet's decision (date and reference).
 */
@Entity
@Table(name = "deliberation")
public class Deliberation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "call_id", nullable = false)
  private Long callId;
  @Column(name = "call_reference", nullable = false, length = 60)
  private String callReference;
  @Enumerated(EnumType.STRING)
  @Column(name = "deciding_body", nullable = false, length = 30)
  private DecidingBody decidingBody;
  @Column(length = 30, unique = true)
  private String number;
  @Column(name = "decided_on", nullable = false)
  private LocalDate decidedOn;
  @Column(name = "votes_for")
  private Integer votesFor;
  @Column(name = "votes_against")
  private Integer votesAgainst;
  @Column(name = "votes_abstention")
  private Integer votesAbstention;
  @Column(name = "votes_absent")
  private Integer votesAbsent;
  @Column(nullable = false)
  private boolean adopted;
  @Column(name = "decision_reference", length = 100)
  private String decisionReference;
  /** The lot this act decides when the call is decided lot by lot; null: every lot of the call. */
  @Column(name = "lot_code", length = 30)
  private String lotCode;
  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;
  /** Who recorded the act: the assignee of "Enregistrer la délibération" when it was completed. */
  @Column(name = "recorded_by", length = 64)
  private String recordedBy;

  protected Deliberation() {}

  /** A Commission Permanente deliberation. */
  public static Deliberation ofAssembly(Long callId, String callReference, String number, LocalDate decidedOn,
      int votesFor, int votesAgainst, int votesAbstention, int votesAbsent, boolean adopted, Instant recordedAt) {
    Deliberation d = new Deliberation();
    d.callId = callId;
    d.callReference = callReference;
    d.decidingBody = DecidingBody.COMMISSION_PERMANENTE;
    d.number = number;
    d.decidedOn = decidedOn;
    d.votesFor = votesFor;
    d.votesAgainst = votesAgainst;
    d.votesAbstention = votesAbstention;
    d.votesAbsent = votesAbsent;
    d.adopted = adopted;
    d.recordedAt = recordedAt;
    return d;
  }

  /** A Préfet's decision. */
  public static Deliberation ofPrefect(Long callId, String callReference, String decisionReference, LocalDate decidedOn,
      boolean adopted, Instant recordedAt) {
    Deliberation d = new Deliberation();
    d.callId = callId;
    d.callReference = callReference;
    d.decidingBody = DecidingBody.PREFET;
    d.decisionReference = decisionReference;
    d.decidedOn = decidedOn;
    d.adopted = adopted;
    d.recordedAt = recordedAt;
    return d;
  }

  Deliberation forLot(String lot) {
    this.lotCode = lot;
    return this;
  }

  /** The lot decided, or null when the act decides every lot of the call. */
  public String getLotCode() {
    return lotCode;
  }

  void recordedBy(String user) {
    this.recordedBy = user;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  /** "délibération n° 2023-326 du 03/07/2023" or "décision du Préfet réf. … du …". */
  public String frenchLabel() {
    String date = String.format("%02d/%02d/%d", decidedOn.getDayOfMonth(), decidedOn.getMonthValue(), decidedOn.getYear());
    return decidingBody == DecidingBody.PREFET
        ? "décision du Préfet réf. " + decisionReference + " du " + date
        : "délibération de la Commission Permanente n° " + number + " du " + date;
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

  public DecidingBody getDecidingBody() {
    return decidingBody;
  }

  public String getNumber() {
    return number;
  }

  public LocalDate getDecidedOn() {
    return decidedOn;
  }

  public Integer getVotesFor() {
    return votesFor;
  }

  public Integer getVotesAgainst() {
    return votesAgainst;
  }

  public Integer getVotesAbstention() {
    return votesAbstention;
  }

  public Integer getVotesAbsent() {
    return votesAbsent;
  }

  public boolean isAdopted() {
    return adopted;
  }

  public String getDecisionReference() {
    return decisionReference;
  }
}
