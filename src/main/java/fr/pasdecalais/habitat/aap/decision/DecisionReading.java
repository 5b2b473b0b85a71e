package fr.pasdecalais.habitat.aap.decision;

import fr.pasdecalais.habitat.aap.call.DecidingBody;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the exports and the open data read of the selection and the decisions, for a page of
 * dossiers at once: the proposal (score, rank, amount proposed) and the award (amount granted,
 * the deliberation's or the Préfet's decision reference and date).
 */
@Service
public class DecisionReading {

  private final SelectionProposalRepository proposals;
  private final AwardDecisionRepository awards;
  private final DeliberationRepository deliberations;

  public DecisionReading(SelectionProposalRepository proposals, AwardDecisionRepository awards,
      DeliberationRepository deliberations) {
    this.proposals = proposals;
    this.awards = awards;
    this.deliberations = deliberations;
  }

  /**
   * A dossier's selection and decision; every field may be null (no proposal yet, no decision yet).
   * {@code decisionReference}: the deliberation's number ("2023-326") or the Préfet's decision
   * reference; {@code decisionLabel} the French sentence ("délibération de la Commission Permanente
   * n° 2023-326 du 03/07/2023").
   */
  public record DossierDecision(BigDecimal weightedScore, Integer rank, String recommendation,
      BigDecimal proposedAmount, Boolean granted, BigDecimal grantedAmount, String decisionReference,
      String decisionLabel, LocalDate decidedOn) {}

  @Transactional(readOnly = true)
  public Map<Long, DossierDecision> ofApplications(Collection<Long> applicationIds) {
    if (applicationIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, SelectionProposal> proposalOf = proposals.findByApplicationIdIn(applicationIds).stream()
        .collect(Collectors.toMap(SelectionProposal::getApplicationId, Function.identity(),
            (a, b) -> a.getId() > b.getId() ? a : b));
    Map<Long, AwardDecision> awardOf = awards.findByApplicationIdIn(applicationIds).stream()
        .collect(Collectors.toMap(AwardDecision::getApplicationId, Function.identity(),
            (a, b) -> a.getId() > b.getId() ? a : b));
    Set<Long> deliberationIds = awardOf.values().stream().map(AwardDecision::getDeliberationId)
        .collect(Collectors.toSet());
    Map<Long, Deliberation> deliberationOf = deliberations.findAllById(deliberationIds).stream()
        .collect(Collectors.toMap(Deliberation::getId, Function.identity()));
    Map<Long, DossierDecision> result = new HashMap<>();
    for (Long id : applicationIds) {
      SelectionProposal p = proposalOf.get(id);
      AwardDecision a = awardOf.get(id);
      if (p == null && a == null) {
        continue;
      }
      Deliberation d = a == null ? null : deliberationOf.get(a.getDeliberationId());
      result.put(id, new DossierDecision(p == null ? null : p.getWeightedScore(), p == null ? null : p.getRank(),
          p == null ? null : p.getRecommendation(), p == null ? null : p.getProposedAmount(),
          a == null ? null : a.isGranted(), a == null || !a.isGranted() ? null : a.getAmount(),
          d == null ? null : reference(d), d == null ? null : d.frenchLabel(),
          a == null ? null : a.getDecidedOn()));
    }
    return result;
  }

  /** The decision's reference by application reference (the open data's {@code referenceDecision}). */
  @Transactional(readOnly = true)
  public Map<String, String> referencesByApplication(Collection<String> applicationReferences) {
    Map<String, String> result = new HashMap<>();
    for (String reference : applicationReferences) {
      awards.findByApplicationReference(reference)
          .flatMap(a -> deliberations.findById(a.getDeliberationId()))
          .ifPresent(d -> result.put(reference, reference(d)));
    }
    return result;
  }

  private static String reference(Deliberation d) {
    return d.getDecidingBody() == DecidingBody.PREFET ? d.getDecisionReference() : d.getNumber();
  }

}
