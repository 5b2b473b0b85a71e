package fr.pasdecalais.habitat.aap.jury;

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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A jury member's opinion on a dossier; locked once submitted (or once the member abstained). */
@Entity
@Table(name = "jury_opinion")
public class JuryOpinion {

  public enum Status { PENDING, SUBMITTED, ABSTAINED }

  /** The avis, with its French label. */
  public enum Avis {
    FAVORABLE("Favorable"), FAVORABLE_AVEC_RESERVES("Favorable avec réserves"), DEFAVORABLE("Défavorable");

    private final String label;

    Avis(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false)
  private Long applicationId;

  @Column(name = "jury_session_id")
  private Long jurySessionId;

  @Column(name = "member_id", nullable = false, length = 64)
  private String memberId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private Status status = Status.PENDING;

  @Column(name = "conflict_reason", length = 1000)
  private String conflictReason;

  @Enumerated(EnumType.STRING)
  @Column(length = 30)
  private Avis avis;

  @Column(length = 4000)
  private String comment;

  /** Criterion code → score (0 … the criterion's maximum). */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "jury_opinion_score", joinColumns = @JoinColumn(name = "opinion_id"))
  @MapKeyColumn(name = "criterion_code", length = 40)
  @Column(name = "score")
  private Map<String, Integer> scores = new LinkedHashMap<>();

  /** Σ weight × score / max, out of 100. */
  @Column(name = "weighted_score", precision = 6, scale = 2)
  private BigDecimal weightedScore;

  /** The jury-opinion instance whose tasks record this opinion (null for rows older than V16). */
  @Column(name = "process_instance_id", length = 64)
  private String processInstanceId;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Version
  private long version;

  protected JuryOpinion() {}

  public JuryOpinion(Long applicationId, Long jurySessionId, String memberId, Instant openedAt) {
    this.applicationId = applicationId;
    this.jurySessionId = jurySessionId;
    this.memberId = memberId;
    this.openedAt = openedAt;
  }

  void attachTo(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void abstain(String reason, Instant at) {
    requirePending();
    this.status = Status.ABSTAINED;
    this.conflictReason = reason;
    this.submittedAt = at;
  }

  void submit(Map<String, Integer> scores, BigDecimal weightedScore, Avis avis, String comment, Instant at) {
    requirePending();
    this.status = Status.SUBMITTED;
    this.scores.clear();
    this.scores.putAll(scores);
    this.weightedScore = weightedScore;
    this.avis = avis;
    this.comment = comment;
    this.submittedAt = at;
  }

  private void requirePending() {
    if (status != Status.PENDING) {
      throw new OpinionLockedException("L'avis de " + memberId + " sur ce dossier est déjà rendu ("
          + (status == Status.ABSTAINED ? "abstention" : "avis verrouillé") + ") : il ne peut plus être modifié.");
    }
  }

  public Long getId() { return id; }
  public Long getApplicationId() { return applicationId; }
  public Long getJurySessionId() { return jurySessionId; }
  public String getMemberId() { return memberId; }
  public Status getStatus() { return status; }
  public String getConflictReason() { return conflictReason; }
  public Avis getAvis() { return avis; }
  public String getComment() { return comment; }
  public Map<String, Integer> getScores() { return scores; }
  public BigDecimal getWeightedScore() { return weightedScore; }
  public Instant getOpenedAt() { return openedAt; }
  public String getProcessInstanceId() { return processInstanceId; }
  public Instant getSubmittedAt() { return submittedAt; }

  /** A second submission of a locked opinion. */
  public static class OpinionLockedException extends IllegalStateException {
    public OpinionLockedException(String message) {
      super(message);
    }
  }
}
