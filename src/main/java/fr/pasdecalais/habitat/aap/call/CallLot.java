package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * A lot of a call (AMI 1, AMI 2…), or the single window of a call without lots (code {@code UNIQUE}):
 * its territories, its window (opening and closing instants, closing inclusive), its convention
 * period, its budget envelope, its funding rule and its payment terms (prévention des expulsions:
 * AMI 1 a fixed 80 928 €, AMI 2 unit prices), which default to the call's.
 */
@Entity
@Table(name = "call_lot")
public class CallLot {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "call_id", insertable = false, updatable = false)
  private CallForProjects call;

  @Column(nullable = false, length = 30)
  private String code;

  @Column(nullable = false, length = 200)
  private String label;

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "call_lot_territory", joinColumns = @JoinColumn(name = "lot_id"))
  @OrderColumn(name = "position")
  @Column(name = "territory_code", nullable = false, length = 40)
  private List<String> territories = new ArrayList<>();

  /** Null until publication when the call states no opening date (the lot opens when the call is published). */
  @Column(name = "opens_at")
  private OffsetDateTime opensAt;

  @Column(name = "closes_at", nullable = false)
  private OffsetDateTime closesAt;

  @Column(name = "convention_start", nullable = false)
  private LocalDate conventionStart;

  @Column(name = "convention_end", nullable = false)
  private LocalDate conventionEnd;

  @Column(nullable = false, precision = 14, scale = 2)
  private BigDecimal budget;

  @Embedded
  private FundingColumns funding;

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "call_lot_unit_price", joinColumns = @JoinColumn(name = "lot_id"))
  @OrderColumn(name = "position")
  private List<UnitPrice> unitPrices = new ArrayList<>();

  @Column(name = "advance_percent", nullable = false)
  private int advancePercent;

  @Enumerated(EnumType.STRING)
  @Column(name = "balance_trigger", nullable = false, length = 30)
  private BalanceTrigger balanceTrigger;

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "call_lot_instalment", joinColumns = @JoinColumn(name = "lot_id"))
  @OrderColumn(name = "position")
  private List<PaymentInstalment> instalments = new ArrayList<>();

  protected CallLot() {}

  /**
   * A lot with its funding rule and payment terms (the call's when the lot states none: the
   * caller resolves the default, see {@link CallForProjects#fromDefinition}).
   */
  public CallLot(String code, String label, List<String> territories, OffsetDateTime opensAt,
      OffsetDateTime closesAt, LocalDate conventionStart, LocalDate conventionEnd, BigDecimal budget,
      CallDefinition.Funding funding, CallDefinition.Payment payment) {
    this.code = code;
    this.label = label;
    this.territories.addAll(territories);
    this.opensAt = opensAt;
    this.closesAt = closesAt;
    this.conventionStart = conventionStart;
    this.conventionEnd = conventionEnd;
    this.budget = budget;
    this.funding = new FundingColumns(funding);
    FundingColumns.addUnitPrices(funding, unitPrices);
    this.advancePercent = payment.advancePercent();
    this.balanceTrigger = payment.balanceTrigger();
    payment.instalments().forEach(i -> instalments.add(new PaymentInstalment(i.percent(), i.afterReport())));
  }

  /** The funding rule of this lot's dossiers (the lot's own, or the call's copied at creation). */
  public FundingRule fundingRule() {
    return funding.rule(unitPrices);
  }

  /** The payment terms of this lot's conventions (the lot's own, or the call's copied at creation). */
  public PaymentTerms getPaymentTerms() {
    return new PaymentTerms(advancePercent, balanceTrigger, instalments);
  }

  /** True from the opening instant to the closing instant, both included (never before an unstated opening). */
  public boolean isOpenAt(Instant instant) {
    return opensAt != null && !instant.isBefore(opensAt.toInstant()) && !instant.isAfter(closesAt.toInstant());
  }

  /** A lot that states no opening date opens when its call is published. */
  void openAtPublication(Instant now) {
    if (opensAt == null) {
      opensAt = now.atZone(fr.pasdecalais.habitat.aap.shared.ParisDateTime.PARIS).toOffsetDateTime();
    }
  }

  public Long getId() {
    return id;
  }

  public CallForProjects getCall() {
    return call;
  }

  public String getCode() {
    return code;
  }

  public String getLabel() {
    return label;
  }

  public List<String> getTerritories() {
    return List.copyOf(territories);
  }

  public OffsetDateTime getOpensAt() {
    return opensAt;
  }

  public OffsetDateTime getClosesAt() {
    return closesAt;
  }

  public LocalDate getConventionStart() {
    return conventionStart;
  }

  public LocalDate getConventionEnd() {
    return conventionEnd;
  }

  public BigDecimal getBudget() {
    return budget;
  }
}
