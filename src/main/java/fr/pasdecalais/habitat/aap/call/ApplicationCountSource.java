package fr.pasdecalais.habitat.aap.call;

import java.util.Map;

/**
 * Hook for the application capability: counts of the dossiers of a call by state, shown by
 * {@code GET /api/calls/{reference}}. Until a bean implements it, the counts are an empty map.
 */
public interface ApplicationCountSource {

  /** State (e.g. {@code SUBMITTED}) → number of dossiers of the call in that state. */
  Map<String, Long> countByState(String callReference);
}
