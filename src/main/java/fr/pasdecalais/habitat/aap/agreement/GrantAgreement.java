package fr.pasdecalais.habitat.aap.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A convention between the Département (or the State) and an operator for one granted dossier. The
 * call's terms (period, payment terms) are copied at preparation, so that a later change of the call
 * does not rewrite a signed convention; amendments change amount and period with history kept.
 */
@Entity
@Table(name = "grant_agreement")
public class GrantAgreement {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "agreement_number", nullable = false, length = 60)
  private String number;

  @Column(name = "application_id")
  private Long applicationId;

  @Column(name = "application_reference", nullable = false, length = 60)
  private String applicationReference;

  @Column(name = "organization_name", nullable = false)
  private String organizationName;

  @Column(name = "operator_email", nullable = false, length = 254)
  private String operatorEmail;

  @Column(name = "call_reference", nullable = false, length = 60)
  private String callReference;

  @Column(name = "lot_code", length = 40)
  private String lotCode;

  @Column(name = "call_title", length = 500)
  private String callTitle;

  @Column(name = "period_start", nullable = false)
  private LocalDate periodStart;

  @Column(name = "period_end", nullable = false)
  private LocalDate periodEnd;

  @Column(nullable = false, precision = 14, scale = 2)
  private BigDecimal amount;

  @Column(length = 500)
  private String units;

  @Column(name = "share_at_signature", nullable = false)
  private int shareAtSignature;

  @Column(name = "balance_trigger", nullable = false, length = 30)
  private String balanceTrigger;

  @Column(name = "schedule_label")
  private String scheduleLabel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private AgreementStatus status;

  @Column(name = "decision_date")
  private LocalDate decisionDate;

  @Column(name = "operator_signed_on")
  private LocalDate operatorSignedOn;

  @Column(name = "president_signed_on")
  private LocalDate presidentSignedOn;

  /** Who recorded both signatures: the assignee of "Enregistrer les signatures" when it was completed. */
  @Column(name = "signatures_recorded_by", length = 64)
  private String signaturesRecordedBy;

  @Column(name = "signatory_title", length = 100)
  private String signatoryTitle;

  @Column(name = "service_rendered_on")
  private LocalDate serviceRenderedOn;

  /** Who certified the service fait: the assignee of "Constater le service fait" when it was completed. */
  @Column(name = "service_rendered_by", length = 64)
  private String serviceRenderedBy;

  @Column(name = "rendered_quantities", length = 2000)
  private String renderedQuantities;

  @Column(name = "amount_due", precision = 14, scale = 2)
  private BigDecimal amountDue;

  @Column(name = "notice_sent_on")
  private LocalDate noticeSentOn;

  @Column(name = "closed_on")
  private LocalDate closedOn;

  @Column(name = "terminated_on")
  private LocalDate terminatedOn;

  @Column(name = "prepared_at", nullable = false)
  private Instant preparedAt;

  @Version
  private long version;

  protected GrantAgreement() {}

  GrantAgreement(String number, Long applicationId, String applicationReference, String organizationName,
      String operatorEmail, String callReference, String lotCode, String callTitle, LocalDate periodStart, LocalDate periodEnd,
      BigDecimal amount, String units, int shareAtSignature, String balanceTrigger, LocalDate decisionDate,
      String signatoryTitle, Instant preparedAt) {
    this.number = number;
    this.applicationId = applicationId;
    this.applicationReference = applicationReference;
    this.organizationName = organizationName;
    this.operatorEmail = operatorEmail;
    this.callReference = callReference;
    this.lotCode = lotCode;
    this.callTitle = callTitle;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.amount = amount.setScale(2, RoundingMode.HALF_UP);
    this.units = units;
    this.shareAtSignature = shareAtSignature;
    this.balanceTrigger = balanceTrigger;
    this.decisionDate = decisionDate;
    this.signatoryTitle = signatoryTitle;
    this.status = AgreementStatus.DRAFT;
    this.preparedAt = preparedAt;
  }

  void revise(BigDecimal amount, String units, LocalDate decisionDate, LocalDate periodStart, LocalDate periodEnd) {
    this.amount = amount.setScale(2, RoundingMode.HALF_UP);
    this.decisionDate = decisionDate;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.units = units;
  }

  void sign(LocalDate operatorSignedOn, LocalDate presidentSignedOn, String recordedBy) {
    this.signaturesRecordedBy = recordedBy;
    this.operatorSignedOn = operatorSignedOn;
    this.presidentSignedOn = presidentSignedOn;
    this.status = AgreementStatus.SIGNED;
  }

  void schedule(int shareAtSignature, String balanceTrigger, String scheduleLabel) {
    this.shareAtSignature = shareAtSignature;
    this.balanceTrigger = balanceTrigger;
    this.scheduleLabel = scheduleLabel;
  }

  void amend(BigDecimal newAmount, LocalDate newPeriodEnd) {
    if (newAmount != null) {
      this.amount = newAmount.setScale(2, RoundingMode.HALF_UP);
    }
    if (newPeriodEnd != null) {
      this.periodEnd = newPeriodEnd;
    }
  }

  void certifyService(LocalDate on, String quantities, BigDecimal due, String certifiedBy) {
    this.serviceRenderedBy = certifiedBy;
    this.serviceRenderedOn = on;
    this.renderedQuantities = quantities;
    this.amountDue = due.setScale(2, RoundingMode.HALF_UP);
  }

  void noticeSent(LocalDate on) {
    this.noticeSentOn = on;
  }

  void noticeLifted() {
    this.noticeSentOn = null;
  }

  void close(LocalDate on) {
    this.status = AgreementStatus.CLOSED;
    this.closedOn = on;
  }

  void terminate(LocalDate on, BigDecimal due) {
    this.status = AgreementStatus.TERMINATED;
    this.terminatedOn = on;
    this.amountDue = due.setScale(2, RoundingMode.HALF_UP);
  }

  public Long getId() { return id; }
  public String getNumber() { return number; }
  public Long getApplicationId() { return applicationId; }
  public String getApplicationReference() { return applicationReference; }
  public String getOrganizationName() { return organizationName; }
  public String getOperatorEmail() { return operatorEmail; }
  public String getCallReference() { return callReference; }
  public String getLotCode() { return lotCode; }
  public String getCallTitle() { return callTitle; }
  public LocalDate getPeriodStart() { return periodStart; }
  public LocalDate getPeriodEnd() { return periodEnd; }
  public BigDecimal getAmount() { return amount; }
  public String getUnits() { return units; }
  public int getShareAtSignature() { return shareAtSignature; }
  public String getBalanceTrigger() { return balanceTrigger; }
  public String getScheduleLabel() { return scheduleLabel; }
  public AgreementStatus getStatus() { return status; }
  public LocalDate getDecisionDate() { return decisionDate; }
  public LocalDate getOperatorSignedOn() { return operatorSignedOn; }
  public LocalDate getPresidentSignedOn() { return presidentSignedOn; }
  public String getSignatoryTitle() { return signatoryTitle; }
  public String getSignaturesRecordedBy() { return signaturesRecordedBy; }
  public String getServiceRenderedBy() { return serviceRenderedBy; }
  public LocalDate getServiceRenderedOn() { return serviceRenderedOn; }
  public String getRenderedQuantities() { return renderedQuantities; }
  public BigDecimal getAmountDue() { return amountDue; }
  public LocalDate getNoticeSentOn() { return noticeSentOn; }
  public LocalDate getClosedOn() { return closedOn; }
  public LocalDate getTerminatedOn() { return terminatedOn; }
  public Instant getPreparedAt() { return preparedAt; }

  /** The date the convention came into force: the later of the two signatures. */
  public LocalDate getSignedOn() {
    if (operatorSignedOn == null || presidentSignedOn == null) {
      return null;
    }
    return operatorSignedOn.isAfter(presidentSignedOn) ? operatorSignedOn : presidentSignedOn;
  }
}
