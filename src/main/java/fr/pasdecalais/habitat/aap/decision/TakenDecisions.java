package fr.pasdecalais.habitat.aap.decision;

import fr.pasdecalais.habitat.aap.call.DecisionsTaken;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The award decision already recorded for a dossier, with the same values as the
 * {@code Message_Decision} that {@link DeliberationService#awardAndNotify} sends.
 */
@Component
public class TakenDecisions implements DecisionsTaken {

  private final AwardDecisionRepository awards;
  private final DeliberationRepository deliberations;

  TakenDecisions(AwardDecisionRepository awards, DeliberationRepository deliberations) {
    this.awards = awards;
    this.deliberations = deliberations;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<TakenDecision> decisionFor(String applicationReference) {
    return awards.findByApplicationReference(applicationReference).flatMap(award -> deliberations
        .findById(award.getDeliberationId())
        .filter(Deliberation::isAdopted)
        .map(d -> new TakenDecision(award.isGranted(), award.getId(), award.frenchLabel(d.frenchLabel()))));
  }
}
