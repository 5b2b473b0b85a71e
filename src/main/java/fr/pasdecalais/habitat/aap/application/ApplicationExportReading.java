package fr.pasdecalais.habitat.aap.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the exports read of dossiers, one page at a time (keyset paging on the id): each call is its
 * own read-only transaction, so that an export of 10 000 dossiers never holds more than a page of
 * entities. Who may read is the export's business (agents only); this class only reads.
 */
@Service
public class ApplicationExportReading {

  /** Event types that record the completeness check's outcome, then the eligibility's. */
  private static final List<String> COMPLETENESS = List.of("COMPLETUDE", "REJET_INCOMPLET");
  private static final List<String> ELIGIBILITY = List.of("ELIGIBILITE", "INELIGIBLE");

  private final ApplicationRepository applications;
  private final ApplicationEventRepository events;
  private final RegularizationRequestRepository regularizations;

  public ApplicationExportReading(ApplicationRepository applications, ApplicationEventRepository events,
      RegularizationRequestRepository regularizations) {
    this.applications = applications;
    this.events = events;
    this.regularizations = regularizations;
  }

  /**
   * One dossier as the exports write it. {@code stateSince}: when the dossier reached its state (the
   * last step recorded in its history, else its reception); {@code completeness} and
   * {@code eligibility}: the French sentences of the last outcome recorded (null before the check).
   */
  public record ExportedDossier(Long id, String reference, String callReference, String lotCode,
      String organizationName, String siret, String legalForm, String holderType, List<String> territories, String state,
      String stateLabel, Instant stateSince, Instant receivedAt, BigDecimal requestedAmount, String completeness,
      String eligibility, int regularizationRounds, BigDecimal weightedScore, String withdrawalReason) {}

  /** Filters of a page: the calls (never empty), a state (null: all) and a territory code (null: all). */
  public record PageFilter(Collection<String> callReferences, ApplicationState state, String territory) {}

  /** The next {@code size} dossiers after the id {@code afterId}, in id order; empty at the end. */
  @Transactional(readOnly = true)
  public List<ExportedDossier> page(PageFilter filter, long afterId, int size) {
    if (filter.callReferences().isEmpty()) {
      return List.of();
    }
    List<Long> ids = applications.exportIds(filter.callReferences(), afterId, filter.state(),
        filter.territory() == null || filter.territory().isBlank() ? null : filter.territory().trim(), Limit.of(size));
    return build(ids);
  }

  /** The dossiers of these ids (those that exist), in id order. */
  @Transactional(readOnly = true)
  public List<ExportedDossier> byIds(Collection<Long> ids) {
    return build(ids);
  }

  private List<ExportedDossier> build(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, List<ApplicationEvent>> history = new HashMap<>();
    for (ApplicationEvent e : events.findByApplicationIdInOrderByOccurredAtAscIdAsc(ids)) {
      history.computeIfAbsent(e.getApplicationId(), k -> new ArrayList<>()).add(e);
    }
    Map<Long, Integer> rounds = new HashMap<>();
    for (RegularizationRequest r : regularizations.findByApplicationIdInOrderByRequestedAtAscIdAsc(ids)) {
      rounds.merge(r.getApplicationId(), 1, Integer::sum);
    }
    return applications.fetchForExport(ids).stream().sorted(Comparator.comparing(Application::getId)).map(a -> {
      List<ApplicationEvent> own = history.getOrDefault(a.getId(), List.of());
      Organization o = a.getOrganization();
      Instant since = own.isEmpty() ? a.getReceivedAt() : own.get(own.size() - 1).getOccurredAt();
      return new ExportedDossier(a.getId(), a.getReference(), a.getCallReference(), a.getLotCode(), o.getName(),
          o.getSiret(), o.getLegalForm(), o.getHolderType(), List.copyOf(a.getTerritories()), a.getState().name(), a.getState().label(),
          since, a.getReceivedAt(), a.getRequestedAmount(), last(own, COMPLETENESS).orElse(null),
          last(own, ELIGIBILITY).orElse(null), rounds.getOrDefault(a.getId(), 0), a.getWeightedScore(),
          a.getWithdrawalReason());
    }).toList();
  }

  private static Optional<String> last(List<ApplicationEvent> events, List<String> types) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (types.contains(events.get(i).getType())) {
        return Optional.of(events.get(i).getDescription());
      }
    }
    return Optional.empty();
  }
}
