package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * A call for projects (appel à projets / AMI): the frame of every dossier. Collections are loaded
 * with the call (a call is small) so that services and forms can read it outside a transaction.
 */
@Entity
@Table(name = "call_for_projects")
public class CallForProjects {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @Column(nullable = false, unique = true, length = 60)
  private String reference;

  @Column(nullable = false, length = 300)
  private String title;

  @Column(length = 300)
  private String axis;

  @Embedded
  private CallFunder funder;

  @Enumerated(EnumType.STRING)
  @Column(name = "deciding_body", nullable = false, length = 30)
  private DecidingBody decidingBody;

  @Column(length = 4000)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(name = "selection", nullable = false, length = 20)
  private SelectionTimeline selection = SelectionTimeline.WHOLE_CALL;

  @Enumerated(EnumType.STRING)
  @Column(name = "selection_mode", nullable = false, length = 20)
  private SelectionMode selectionMode = SelectionMode.WITH_JURY;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CallStatus status = CallStatus.DRAFT;

  @Column(name = "allows_multiple_applications", nullable = false)
  private boolean allowsMultipleApplications;

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "call_holder_type", joinColumns = @JoinColumn(name = "call_id"))
  @OrderColumn(name = "position")
  @Column(name = "holder_type", nullable = false, length = 300)
  private List<String> eligibleHolderTypes = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "call_agrement", joinColumns = @JoinColumn(name = "call_id"))
  @OrderColumn(name = "position")
  @Column(name = "agrement", nullable = false, length = 300)
  private List<String> requiredAgrements = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "call_territory", joinColumns = @JoinColumn(name = "call_id"))
  @OrderColumn(name = "position")
  @Column(name = "territory_code", nullable = false, length = 40)
  private List<String> territories = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @JoinColumn(name = "call_id", nullable = false)
  @OrderColumn(name = "position")
  private List<CallLot> lots = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "call_required_document", joinColumns = @JoinColumn(name = "call_id"))
  @OrderColumn(name = "position")
  private List<RequiredDocument> requiredDocuments = new ArrayList<>();

  /** The pieces asked of some holder types only (a piece absent here is asked of every holder). */
  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "call_required_document_holder_type", joinColumns = @JoinColumn(name = "call_id"))
  private Set<PieceHolderType> pieceHolderTypes = new LinkedHashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "call_selection_criterion", joinColumns = @JoinColumn(name = "call_id"))
  @OrderColumn(name = "position")
  private List<SelectionCriterion> selectionCriteria = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "call_indicator", joinColumns = @JoinColumn(name = "call_id"))
  @OrderColumn(name = "position")
  private List<Indicator> indicators = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "call_jury_member", joinColumns = @JoinColumn(name = "call_id"))
  @OrderColumn(name = "position")
  private List<CallJuryMember> jury = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "call_reporting_milestone", joinColumns = @JoinColumn(name = "call_id"))
  @OrderColumn(name = "position")
  private List<ReportingMilestone> reporting = new ArrayList<>();

  @Embedded
  private FundingColumns funding;

  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(name = "call_unit_price", joinColumns = @JoinColumn(name = "call_id"))
  @OrderColumn(name = "position")
  private List<UnitPrice> unitPrices = new ArrayList<>();

  @Embedded
  @AttributeOverride(name = "advancePercent", column = @Column(name = "advance_percent", nullable = false))
  private PaymentTerms paymentTerms;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  protected CallForProjects() {}

  /** Builds a DRAFT call from a validated definition. */
  public static CallForProjects fromDefinition(CallDefinition d, Instant now) {
    CallForProjects c = new CallForProjects();
    c.reference = d.reference();
    c.title = d.title();
    c.axis = d.axis();
    c.funder = CallFunder.of(d.funder());
    c.decidingBody = d.decidingBody();
    c.description = d.description();
    c.selection = SelectionTimeline.orDefault(d.selection());
    c.selectionMode = SelectionMode.orDefault(d.selectionMode());
    c.allowsMultipleApplications = Boolean.TRUE.equals(d.allowsMultipleApplications());
    c.eligibleHolderTypes.addAll(d.eligibleHolderTypes());
    c.requiredAgrements.addAll(d.requiredAgrements());
    c.territories.addAll(d.territories());
    for (CallDefinition.Lot l : d.lots()) {
      c.lots.add(new CallLot(l.code(), l.label(), l.territories().isEmpty() ? d.territories() : l.territories(),
          l.opensAt(), l.closesAt(), l.conventionStart(), l.conventionEnd(), l.budget(),
          l.fundingOr(d.funding()), l.paymentOr(d.payment())));
    }
    d.requiredDocuments().forEach(r -> c.requiredDocuments.add(new RequiredDocument(r.code(), r.label(), r.isMandatory())));
    d.requiredDocuments().forEach(r -> r.holderTypes().forEach(type ->
        c.pieceHolderTypes.add(new PieceHolderType(r.code(), HolderType.of(type).orElseThrow()))));
    d.selectionCriteria().forEach(r -> c.selectionCriteria.add(new SelectionCriterion(r.code(), r.label(), r.weight(), r.maxScore())));
    d.indicators().forEach(r -> c.indicators.add(new Indicator(r.code(), r.label(), r.unit())));
    d.jury().forEach(r -> c.jury.add(new CallJuryMember(r.userId(), r.fullName(), r.body())));
    d.reporting().forEach(r -> c.reporting.add(new ReportingMilestone(r)));
    CallDefinition.Funding f = d.funding();
    c.funding = new FundingColumns(f);
    FundingColumns.addUnitPrices(f, c.unitPrices);
    c.paymentTerms = new PaymentTerms(d.payment().advancePercent(), d.payment().balanceTrigger());
    c.createdAt = now;
    return c;
  }

  /** DRAFT → PUBLISHED. */
  public void publish(Instant now) {
    if (status != CallStatus.DRAFT) {
      throw new IllegalStateException("L'appel " + reference + " est déjà publié.");
    }
    status = CallStatus.PUBLISHED;
    publishedAt = now;
    lots.forEach(l -> l.openAtPublication(now));
  }

  /** Sets the status the process reached. */
  public void moveTo(CallStatus next) {
    this.status = next;
  }

  /**
   * The call's own funding rule: the default of its lots, shown with the call. A dossier's money
   * reads its lot's rule ({@link #fundingRule(String)}), never this one.
   */
  public FundingRule defaultFundingRule() {
    return funding.rule(unitPrices);
  }

  /** The funding rule of a lot's dossiers ({@code null} lot code: the call's single lot). */
  public FundingRule fundingRule(String lotCode) {
    return requireLot(lotCode).fundingRule();
  }

  /** The payment terms of a lot's conventions ({@code null} lot code: the call's single lot). */
  public PaymentTerms paymentTerms(String lotCode) {
    return requireLot(lotCode).getPaymentTerms();
  }

  private CallLot requireLot(String lotCode) {
    if (lotCode == null && lots.size() == 1) {
      return lots.get(0);
    }
    return lot(lotCode).orElseThrow(() -> new IllegalStateException(
        "L'appel " + reference + " n'a pas de lot " + lotCode + "."));
  }

  public Optional<CallLot> lot(String code) {
    return lots.stream().filter(l -> l.getCode().equals(code)).findFirst();
  }

  public BigDecimal totalBudget() {
    return lots.stream().map(CallLot::getBudget).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public SelectionTimeline getSelection() {
    return selection;
  }

  public SelectionMode getSelectionMode() {
    return selectionMode;
  }

  /** The version JPA raises at each change of the call (what {@link CallSnapshots} compares). */
  long getVersion() {
    return version;
  }

  public Long getId() {
    return id;
  }

  public String getReference() {
    return reference;
  }

  public String getTitle() {
    return title;
  }

  public String getAxis() {
    return axis;
  }

  public CallFunder getFunder() {
    return funder;
  }

  public DecidingBody getDecidingBody() {
    return decidingBody;
  }

  public String getDescription() {
    return description;
  }

  public CallStatus getStatus() {
    return status;
  }

  public boolean isAllowsMultipleApplications() {
    return allowsMultipleApplications;
  }

  public List<String> getEligibleHolderTypes() {
    return List.copyOf(eligibleHolderTypes);
  }

  public List<String> getRequiredAgrements() {
    return List.copyOf(requiredAgrements);
  }

  public List<String> getTerritories() {
    return List.copyOf(territories);
  }

  public List<CallLot> getLots() {
    return List.copyOf(lots);
  }

  public List<RequiredDocument> getRequiredDocuments() {
    return List.copyOf(requiredDocuments);
  }

  /** Per piece code, the holder types it is asked of; a piece absent from the map is asked of every holder. */
  public Map<String, Set<HolderType>> getPieceHolderTypes() {
    Map<String, Set<HolderType>> types = new LinkedHashMap<>();
    for (PieceHolderType t : pieceHolderTypes) {
      types.computeIfAbsent(t.getDocumentCode(), k -> EnumSet.noneOf(HolderType.class)).add(t.getHolderType());
    }
    return types;
  }

  /**
   * The pieces a holder of this type must (or may) give, in the call's order: those asked of every
   * holder and those asked of its type. A holder whose type is unknown (null: a dossier filed without
   * it) is asked every piece, so that nothing the call requires is left out. What completeness checks
   * and regularisation requests may ask of a dossier.
   */
  public List<RequiredDocument> requiredDocumentsFor(HolderType holder) {
    Map<String, Set<HolderType>> types = getPieceHolderTypes();
    List<RequiredDocument> pieces = new ArrayList<>();
    for (RequiredDocument d : requiredDocuments) {
      Set<HolderType> only = types.get(d.getCode());
      if (only == null || holder == null || only.contains(holder)) {
        pieces.add(d);
      }
    }
    return List.copyOf(pieces);
  }

  public List<SelectionCriterion> getSelectionCriteria() {
    return List.copyOf(selectionCriteria);
  }

  public List<Indicator> getIndicators() {
    return List.copyOf(indicators);
  }

  public List<CallJuryMember> getJury() {
    return List.copyOf(jury);
  }

  public List<ReportingMilestone> getReporting() {
    return List.copyOf(reporting);
  }

  /** The call's own payment terms: the default of its lots; a convention reads its lot's ({@link #paymentTerms(String)}). */
  public PaymentTerms getDefaultPaymentTerms() {
    return paymentTerms;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }
}
