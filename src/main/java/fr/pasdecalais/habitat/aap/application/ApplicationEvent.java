package fr.pasdecalais.habitat.aap.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a dossier's timeline: when, who, what (in French). */
@Entity
@Table(name = "application_event")
public class ApplicationEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false)
  private Long applicationId;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  /** User id, or "système" for the engine. */
  @Column(nullable = false, length = 64)
  private String actor;

  @Column(nullable = false, length = 40)
  private String type;

  @Column(nullable = false, length = 2000)
  private String description;

  protected ApplicationEvent() {}

  public ApplicationEvent(Long applicationId, Instant occurredAt, String actor, String type, String description) {
    this.applicationId = applicationId;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.type = type;
    this.description = description.length() > 2000 ? description.substring(0, 2000) : description;
  }

  public Long getId() { return id; }
  public Long getApplicationId() { return applicationId; }
  public Instant getOccurredAt() { return occurredAt; }
  public String getActor() { return actor; }
  public String getType() { return type; }
  public String getDescription() { return description; }
}
