package fr.pasdecalais.habitat.aap.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A report an operator owes under its convention, with its due date, late flag and indicator values. */
@Entity
@Table(name = "agreement_report")
public class Report {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "agreement_id", nullable = false)
  private Long agreementId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ReportKind kind;

  @Column(name = "sequence_number", nullable = false)
  private int sequenceNumber;

  @Column(name = "due_on", nullable = false)
  private LocalDate dueOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ReportStatus status;

  @Column(name = "received_on")
  private LocalDate receivedOn;

  @Column(nullable = false)
  private boolean late;

  @Column(name = "reminder_sent", nullable = false)
  private boolean reminderSent;

  @Column(nullable = false)
  private boolean escalated;

  /** The indicator values as a JSON object {@code {"code": value}} (see ReportingService). */
  @Column(name = "indicator_values", length = 4000)
  private String indicatorValues;

  @Column(length = 4000)
  private String summary;

  private Boolean approved;

  /** The call's milestone it comes from, and which occurrence of it (1, 2… for a monthly table). */
  @Column(length = 40)
  private String code;

  @Column(length = 300)
  private String label;

  private Integer occurrence;

  /** The agent who requested an on-demand report. */
  @Column(name = "requested_by", length = 64)
  private String requestedBy;

  protected Report() {}

  Report(Long agreementId, ReportKind kind, int sequenceNumber, LocalDate dueOn) {
    this(agreementId, kind, sequenceNumber, dueOn, null, null, null);
  }

  Report(Long agreementId, ReportKind kind, int sequenceNumber, LocalDate dueOn, String code, String label,
      Integer occurrence) {
    this.agreementId = agreementId;
    this.kind = kind;
    this.sequenceNumber = sequenceNumber;
    this.dueOn = dueOn;
    this.status = ReportStatus.EXPECTED;
    this.code = code;
    this.label = label;
    this.occurrence = occurrence;
  }

  void requestedBy(String user) {
    this.requestedBy = user;
  }

  /** An amendment moved the period: a report not received yet moves with it. */
  void moveTo(LocalDate due) {
    this.dueOn = due;
    this.late = false;
  }

  void cancel() {
    this.status = ReportStatus.CANCELLED;
  }

  /** What the agents and letters call it: the milestone's label with its occurrence, or the kind. */
  public String title() {
    String base = label == null ? kind.label() : label;
    return occurrence == null ? base : base + " n° " + occurrence;
  }

  void remind() {
    this.reminderSent = true;
  }

  void flagLate() {
    this.late = true;
  }

  void escalate() {
    this.late = true;
    this.escalated = true;
  }

  void receive(LocalDate on, String indicatorValues, String summary) {
    this.status = ReportStatus.RECEIVED;
    this.receivedOn = on;
    this.indicatorValues = indicatorValues;
    this.summary = summary;
    if (on.isAfter(dueOn)) {
      this.late = true;
    }
  }

  void review(boolean approved) {
    this.approved = approved;
    this.status = approved ? ReportStatus.APPROVED : ReportStatus.REJECTED;
  }

  public Long getId() { return id; }
  public Long getAgreementId() { return agreementId; }
  public ReportKind getKind() { return kind; }
  public int getSequenceNumber() { return sequenceNumber; }
  public LocalDate getDueOn() { return dueOn; }
  public ReportStatus getStatus() { return status; }
  public LocalDate getReceivedOn() { return receivedOn; }
  public boolean isLate() { return late; }
  public boolean isReminderSent() { return reminderSent; }
  public boolean isEscalated() { return escalated; }
  public String getIndicatorValues() { return indicatorValues; }
  public String getSummary() { return summary; }
  public Boolean getApproved() { return approved; }
  public String getCode() { return code; }
  public String getLabel() { return label; }
  public Integer getOccurrence() { return occurrence; }
  public String getRequestedBy() { return requestedBy; }
}
