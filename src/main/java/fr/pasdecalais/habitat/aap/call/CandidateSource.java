package fr.pasdecalais.habitat.aap.call;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the call's process needs to know about the dossiers of a call; implemented by the
 * application capability (several sources are added up, see {@link Candidates}).
 */
public interface CandidateSource {

  /** Dossiers of the call still in the running (received and neither rejected, withdrawn nor refused). */
  long countActive(String callReference);

  /** Dossiers of one lot of the call still in the running (a call decided lot by lot counts each lot at its close). */
  long countActive(String callReference, String lotCode);

  /**
   * Locks, until the caller's transaction ends, what a dossier's end locks before it tells the call
   * ({@code Message_ApplicationEnded}); so that "Vérifier les dossiers en cours" either counts the
   * ending dossier as ended, or is waiting at "Fin d'un dossier" when its message is correlated.
   */
  void holdEndings(String callReference);

  /** Dossiers examined by the jury (eligible, under review, opinions in), with their weighted score. */
  List<Candidate> candidates(String callReference);

  /**
   * A dossier as the jury's synthesis sees it.
   *
   * @param weightedScore mean over the members of Σ(score / maxScore × weight), out of 100; null without opinion
   */
  record Candidate(Long applicationId, String reference, String lotCode, String organizationName,
      BigDecimal weightedScore, BigDecimal requestedAmount, Integer requestedUnits) {}
}
