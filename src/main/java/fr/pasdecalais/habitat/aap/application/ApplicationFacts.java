package fr.pasdecalais.habitat.aap.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dossiers as the statistics count them: where each stands, what it asked, who holds it, and
 * the instants its steps were recorded on its timeline ({@link ApplicationEvent}, written at the
 * engine's clock): the first completeness outcome, the first eligibility outcome, the decision,
 * and how many regularisation rounds it went through. No personal data, no jury score.
 */
@Service
public class ApplicationFacts {

  /** Read in slices, so that a large catalogue does not make one huge {@code in (...)} list. */
  private static final int SLICE = 500;

  private final ApplicationRepository applications;
  private final ApplicationEventRepository events;
  private final RegularizationRequestRepository regularizations;

  public ApplicationFacts(ApplicationRepository applications, ApplicationEventRepository events,
      RegularizationRequestRepository regularizations) {
    this.applications = applications;
    this.events = events;
    this.regularizations = regularizations;
  }

  /**
   * One dossier's facts.
   *
   * @param holderType the organisation's declared holder type (label), else what it wrote, else null
   * @param completenessAt the first completeness outcome (complete, incomplete at the deadline, rejected)
   * @param eligibilityAt the first eligibility outcome (eligible or ineligible)
   * @param decidedAt the decision's record (granted or refused)
   */
  public record DossierFacts(String reference, String callReference, String lotCode, ApplicationState state,
      Set<String> territories, String holderType, BigDecimal requestedAmount, Instant receivedAt,
      Instant completenessAt, Instant eligibilityAt, Instant decidedAt, int regularizationRounds) {}

  /** The dossiers of one call, or of every call ({@code callReference} null). */
  @Transactional(readOnly = true)
  public List<DossierFacts> of(String callReference) {
    List<Application> all = callReference == null ? applications.findAllByOrderByReference()
        : applications.findByCallReferenceOrderByReference(callReference);
    List<DossierFacts> facts = new ArrayList<>(all.size());
    for (int from = 0; from < all.size(); from += SLICE) {
      List<Application> slice = all.subList(from, Math.min(all.size(), from + SLICE));
      List<Long> ids = slice.stream().map(Application::getId).toList();
      Map<Long, List<ApplicationEvent>> timelines = new HashMap<>();
      events.findByApplicationIdIn(ids).stream()
          .sorted(Comparator.comparing(ApplicationEvent::getOccurredAt).thenComparing(ApplicationEvent::getId))
          .forEach(e -> timelines.computeIfAbsent(e.getApplicationId(), k -> new ArrayList<>()).add(e));
      Map<Long, Integer> rounds = new HashMap<>();
      regularizations.findByApplicationIdIn(ids).forEach(r -> rounds.merge(r.getApplicationId(), 1, Integer::sum));
      for (Application a : slice) {
        List<ApplicationEvent> timeline = timelines.getOrDefault(a.getId(), List.of());
        facts.add(new DossierFacts(a.getReference(), a.getCallReference(), a.getLotCode(), a.getState(),
            Set.copyOf(a.getTerritories()), holderType(a.getOrganization()), a.getRequestedAmount(), a.getReceivedAt(),
            first(timeline, Set.of("COMPLETUDE", "REJET_INCOMPLET")), first(timeline, Set.of("ELIGIBILITE", "INELIGIBLE")),
            a.getDecidedAt() != null ? a.getDecidedAt() : first(timeline, Set.of("DECISION")),
            rounds.getOrDefault(a.getId(), 0)));
      }
    }
    return facts;
  }

  private static Instant first(Collection<ApplicationEvent> timeline, Set<String> types) {
    return timeline.stream().filter(e -> types.contains(e.getType())).map(ApplicationEvent::getOccurredAt).findFirst()
        .orElse(null);
  }

  private static String holderType(Organization o) {
    if (o == null) {
      return null;
    }
    return o.getDeclaredHolderType().map(t -> t.label())
        .orElse(o.getHolderType() == null || o.getHolderType().isBlank() ? null : o.getHolderType().trim());
  }
}
