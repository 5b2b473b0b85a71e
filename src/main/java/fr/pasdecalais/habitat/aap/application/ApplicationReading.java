package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.RequiredDocument;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the API and the forms show of a dossier. Opinions and scores are shown to agents only; a
 * partner account sees its organisation's dossiers; a jury member the dossiers of its calls.
 */
@Service
public class ApplicationReading {

  private final ApplicationRepository applications;
  private final ApplicationEventRepository events;
  private final RegularizationRequestRepository regularizations;
  private final OrganizationMemberRepository members;
  private final ApplicationAccess access;
  private final DocumentService documents;
  private final JuryOpinionSource jury;
  private final CallCatalog calls;
  private final ConventionHistorySource conventions;

  public ApplicationReading(ApplicationRepository applications, ApplicationEventRepository events,
      RegularizationRequestRepository regularizations, OrganizationMemberRepository members, ApplicationAccess access,
      DocumentService documents, JuryOpinionSource jury, CallCatalog calls, ConventionHistorySource conventions) {
    this.conventions = conventions;
    this.applications = applications;
    this.events = events;
    this.regularizations = regularizations;
    this.members = members;
    this.access = access;
    this.documents = documents;
    this.jury = jury;
    this.calls = calls;
  }

  public record DocumentRef(Long id, String type, String fileName, String contentType, long size, String sha256,
      Instant uploadedAt, String href) {
    static DocumentRef of(String reference, ApplicationDocument d) {
      return new DocumentRef(d.getId(), d.getDocumentType(), d.getFileName(), d.getContentType(), d.getSizeBytes(),
          d.getSha256(), d.getUploadedAt(), "/api/applications/" + reference + "/documents/" + d.getId());
    }
  }

  /** A required piece of the call and what the dossier holds for it. */
  public record PieceStatus(String code, String label, boolean mandatory, List<DocumentRef> received) {}

  /** The organisation; {@code holderTypeCode}: the type its pieces depend on (null: not declared, every piece asked). */
  public record OrganizationView(String siret, String name, String legalForm, String holderType, String holderTypeCode,
      Set<String> approvals, String address, String email, String legalRepresentative) {}

  /**
   * One line of the timeline: its day, the instant the step was recorded (null for a date an agent
   * typed, e.g. a signature or a payment date), who, a type and a French sentence.
   */
  public record EventView(java.time.LocalDate on, Instant at, String actor, String type, String description) {}

  public record RegularizationView(Long id, Instant requestedAt, String requestedBy, Instant deadline, String reason,
      List<String> pieces, String comment, String status, Instant answeredAt) {}

  public record DecisionView(boolean granted, String label, Long awardDecisionId, Instant decidedAt) {}

  public record OpinionView(String member, String status, String avis, Map<String, Integer> scores,
      BigDecimal weightedScore, String comment, String conflictReason, Instant submittedAt) {}

  public record ApplicationView(String reference, String callReference, String callTitle, String lotCode, String state,
      String stateLabel, String channel, Instant receivedAt, OrganizationView organization, Set<String> territories,
      BigDecimal requestedAmount, Integer requestedUnits, String summary, List<PieceStatus> pieces,
      List<RegularizationView> regularizationRequests, String eligibilityReason, DecisionView decision,
      String withdrawalReason, List<EventView> timeline, String opinionProgress, BigDecimal weightedScore,
      List<OpinionView> opinions) {}

  public record ApplicationSummary(String reference, String callReference, String lotCode, String organization,
      String siret, String state, String stateLabel, Instant receivedAt, BigDecimal requestedAmount, Integer requestedUnits) {}

  @Transactional(readOnly = true)
  public List<PieceStatus> pieces(long applicationId) {
    Application a = applications.findById(applicationId).orElseThrow();
    return pieces(a, calls.getByReference(a.getCallReference()));
  }

  /** The pieces of the call this dossier's holder is asked (by its holder type), with what the dossier holds. */
  private List<PieceStatus> pieces(Application a, CallForProjects call) {
    List<ApplicationDocument> held = documents.list(a.getId());
    return call.requiredDocumentsFor(a.getOrganization().getDeclaredHolderType().orElse(null)).stream().map((RequiredDocument r) -> new PieceStatus(r.getCode(), r.getLabel(),
        r.isMandatory(), held.stream().filter(d -> d.getDocumentType().equals(r.getCode()))
            .map(d -> DocumentRef.of(a.getReference(), d)).toList())).toList();
  }

  @Transactional(readOnly = true)
  public ApplicationView view(String reference, Caller caller) {
    Application a = access.readable(reference, caller);
    CallForProjects call = calls.getByReference(a.getCallReference());
    Organization o = a.getOrganization();
    OrganizationView org = new OrganizationView(o.getSiret(), o.getName(), o.getLegalForm(), o.getHolderType(),
        o.getDeclaredHolderType().map(Enum::name).orElse(null), o.getApprovals(), o.getStreet() + ", " + o.getPostalCode() + " " + o.getCity(), o.getEmail(), o.getLegalRepresentative());
    Map<String, String> labels = call.getRequiredDocuments().stream()
        .collect(Collectors.toMap(RequiredDocument::getCode, RequiredDocument::getLabel, (x, y) -> x));
    List<RegularizationView> regs = regularizations.findByApplicationIdOrderByRequestedAtAscIdAsc(a.getId()).stream()
        .map(r -> new RegularizationView(r.getId(), r.getRequestedAt(), r.getRequestedBy(), r.getDeadline(),
            r.getReason().label(), r.getDocumentTypes().stream().map(t -> labels.getOrDefault(t, t)).toList(),
            r.getComment(), r.getStatus().name(), r.getAnsweredAt())).toList();
    List<EventView> timeline = timeline(a);
    DecisionView decision = a.getGranted() == null ? null
        : new DecisionView(a.getGranted(), a.getDecisionLabel(), a.getAwardDecisionId(), a.getDecidedAt());
    String progress = null;
    BigDecimal score = null;
    List<OpinionView> opinions = null;
    if (caller.isAgent()) {
      List<OpinionView> all = jury.opinions(a.getId());
      if (!all.isEmpty()) {
        progress = jury.progress(a.getId());
        opinions = all;
      }
      score = a.getWeightedScore();
    }
    return new ApplicationView(a.getReference(), a.getCallReference(), call.getTitle(), a.getLotCode(), a.getState().name(),
        a.getState().label(), a.getChannel().name(), a.getReceivedAt(), org, a.getTerritories(), a.getRequestedAmount(),
        a.getRequestedUnits(), a.getSummary(), pieces(a, call), regs, a.getEligibilityReason(), decision,
        a.getWithdrawalReason(), timeline, progress, score, opinions);
  }

  /**
   * The dossier's timeline to the close of its convention: what the dossier's steps recorded
   * (filing, completeness, eligibility, jury, decision…), then what its convention tells through
   * {@link ConventionHistorySource} (signature, payments, reports, service fait, recovery, closure),
   * merged by day; on the same day the dossier's own lines come first (the convention follows the
   * decision), and the convention's keep the order of its life.
   */
  private List<EventView> timeline(Application a) {
    record Line(java.time.LocalDate on, int source, int rank, EventView view) {}
    List<Line> lines = new java.util.ArrayList<>();
    int rank = 0;
    for (ApplicationEvent e : events.findByApplicationIdOrderByOccurredAtAscIdAsc(a.getId())) {
      java.time.LocalDate on = e.getOccurredAt().atZone(fr.pasdecalais.habitat.aap.shared.ParisDateTime.PARIS).toLocalDate();
      lines.add(new Line(on, 0, rank++, new EventView(on, e.getOccurredAt(), e.getActor(), e.getType(), e.getDescription())));
    }
    rank = 0;
    for (ConventionHistorySource.Entry e : conventions.history(a.getReference())) {
      lines.add(new Line(e.on(), 1, rank++, new EventView(e.on(), e.at(), e.actor(), e.type(), e.description())));
    }
    return lines.stream().sorted(java.util.Comparator.comparing(Line::on).thenComparingInt(Line::source)
        .thenComparingInt(Line::rank)).map(Line::view).toList();
  }

  /** Dossiers the caller may see, filtered by call and state. */
  @Transactional(readOnly = true)
  public List<ApplicationSummary> list(String callReference, String state, Caller caller) {
    ApplicationState wanted = null;
    if (state != null && !state.isBlank()) {
      try {
        wanted = ApplicationState.valueOf(state.trim());
      } catch (IllegalArgumentException e) {
        throw DomainException.invalid("state", "L'état « " + state + " » n'existe pas ; états possibles : "
            + String.join(", ", java.util.Arrays.stream(ApplicationState.values()).map(Enum::name).toList()) + ".");
      }
    }
    List<Application> candidates;
    if (caller.isAgent()) {
      candidates = callReference == null || callReference.isBlank() ? applications.findAllByOrderByReference()
          : applications.findByCallReferenceOrderByReference(callReference);
    } else {
      List<Long> orgs = caller.isPartner() ? members.findByUserId(caller.userId()).stream()
          .map(OrganizationMember::getOrganizationId).toList() : List.of();
      List<Application> own = orgs.isEmpty() ? List.of() : applications.findByOrganizationIdInOrderByReference(orgs);
      List<Application> jury = caller.isJury() ? calls.findAll().stream()
          .filter(c -> c.getJury().stream().anyMatch(j -> j.getUserId().equals(caller.userId())))
          .flatMap(c -> applications.findByCallReferenceOrderByReference(c.getReference()).stream()).toList() : List.of();
      candidates = java.util.stream.Stream.concat(own.stream(), jury.stream()).distinct()
          .filter(a -> callReference == null || callReference.isBlank() || a.getCallReference().equals(callReference))
          .sorted(java.util.Comparator.comparing(Application::getReference)).toList();
    }
    ApplicationState filter = wanted;
    return candidates.stream().filter(a -> filter == null || a.getState() == filter)
        .map(a -> new ApplicationSummary(a.getReference(), a.getCallReference(), a.getLotCode(), a.getOrganization().getName(),
            a.getOrganization().getSiret(), a.getState().name(), a.getState().label(), a.getReceivedAt(),
            a.getRequestedAmount(), a.getRequestedUnits())).toList();
  }
}
