package fr.pasdecalais.habitat.aap.call;

import java.util.Optional;

/**
 * What the call's deliberation decided for a dossier, as {@code Message_Decision} carries it;
 * implemented by the decision capability. A dossier arriving at "Décision reçue" after the
 * decisions were sent reads it here (after {@link CallArrivals#lock}).
 */
public interface DecisionsTaken {

  /** The decision recorded for the dossier, if the call already took it. */
  Optional<TakenDecision> decisionFor(String applicationReference);

  /**
   * @param granted the {@code granted} variable
   * @param awardDecisionId the {@code awardDecisionId} variable
   * @param decisionLabel the {@code decisionLabel} variable (French, for forms)
   */
  record TakenDecision(boolean granted, Long awardDecisionId, String decisionLabel) {}
}
