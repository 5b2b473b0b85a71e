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

  protected Report() {}

  Report(Long agreementId, ReportKind kind, int sequenceNumber, LocalDate dueOn) {
    this.agreementId = agreementId;
    this.kind = kind;
    this.sequenceNumber = sequenceNumber;
    this.dueOn = dueOn;
    this.status = ReportStatus.EXPECTED;
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
}
