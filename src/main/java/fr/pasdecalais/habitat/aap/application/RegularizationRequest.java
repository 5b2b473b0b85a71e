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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A request for missing pieces, possible until the lot's closing (the deadline). */
@Entity
@Table(name = "regularization_request")
public class RegularizationRequest {

  /** Why the pieces are asked for again. */
  public enum Reason {
    MISSING("pièce manquante"), INCORRECT("pièce incorrecte"), OUTDATED("pièce périmée");

    private final String label;

    Reason(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum Status { OPEN, ANSWERED, EXPIRED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false)
  private Long applicationId;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "requested_by", nullable = false, length = 64)
  private String requestedBy;

  @Column(nullable = false)
  private Instant deadline;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Reason reason;

  @Column(length = 2000)
  private String comment;

  /** Codes of the required document types asked for. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "regularization_item", joinColumns = @JoinColumn(name = "request_id"))
  @Column(name = "document_type", length = 60)
  private Set<String> documentTypes = new LinkedHashSet<>();

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Status status = Status.OPEN;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Version
  private long version;

  protected RegularizationRequest() {}

  public RegularizationRequest(Long applicationId, Instant requestedAt, String requestedBy, Instant deadline,
      Reason reason, String comment, Set<String> documentTypes) {
    this.applicationId = applicationId;
    this.requestedAt = requestedAt;
    this.requestedBy = requestedBy;
    this.deadline = deadline;
    this.reason = reason;
    this.comment = comment;
    this.documentTypes.addAll(documentTypes);
  }

  public void close(Status status, Instant at) {
    this.status = status;
    this.answeredAt = at;
  }

  public Long getId() { return id; }
  public Long getApplicationId() { return applicationId; }
  public Instant getRequestedAt() { return requestedAt; }
  public String getRequestedBy() { return requestedBy; }
  public Instant getDeadline() { return deadline; }
  public Reason getReason() { return reason; }
  public String getComment() { return comment; }
  public Set<String> getDocumentTypes() { return documentTypes; }
  public Status getStatus() { return status; }
  public Instant getAnsweredAt() { return answeredAt; }
}
