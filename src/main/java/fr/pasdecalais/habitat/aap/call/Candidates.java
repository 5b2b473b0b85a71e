package fr.pasdecalais.habitat.aap.call;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every {@link CandidateSource} of the application (a dossier reported by two sources counts once;
 * no source: no dossier).
 */
@Component
public class Candidates {

  private final ObjectProvider<CandidateSource> sources;

  public Candidates(ObjectProvider<CandidateSource> sources) {
    this.sources = sources;
  }

  public long countActive(String callReference) {
    return sources.orderedStream().mapToLong(s -> s.countActive(callReference)).max().orElse(0);
  }

  /** Dossiers of one lot still running ({@code lotCode} null: of the whole call). */
  public long countActive(String callReference, String lotCode) {
    return lotCode == null ? countActive(callReference)
        : sources.orderedStream().mapToLong(s -> s.countActive(callReference, lotCode)).max().orElse(0);
  }

  /** Candidates of one lot ({@code lotCode} null: of the whole call), in the order of {@link #candidates(String)}. */
  public List<CandidateSource.Candidate> candidates(String callReference, String lotCode) {
    return candidates(callReference).stream().filter(c -> lotCode == null || lotCode.equals(c.lotCode())).toList();
  }

  /** See {@link CandidateSource#holdEndings}. */
  public void holdEndings(String callReference) {
    sources.orderedStream().forEach(s -> s.holdEndings(callReference));
  }

  /** Candidates of the call, by lot then best weighted score first (no score last), then reference. */
  public List<CandidateSource.Candidate> candidates(String callReference) {
    Map<String, CandidateSource.Candidate> byReference = new LinkedHashMap<>();
    sources.orderedStream().flatMap(s -> s.candidates(callReference).stream())
        .forEach(c -> byReference.putIfAbsent(c.reference(), c));
    return byReference.values().stream()
        .sorted(Comparator.comparing(CandidateSource.Candidate::lotCode)
            .thenComparing(CandidateSource.Candidate::weightedScore, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(CandidateSource.Candidate::reference))
        .toList();
  }
}
