package fr.pasdecalais.habitat.aap.call;

import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every {@link CandidateSource} of the application, added up (none: no dossier). */
@Component
public class Candidates {

  private final ObjectProvider<CandidateSource> sources;

  public Candidates(ObjectProvider<CandidateSource> sources) {
    this.sources = sources;
  }

  public long countActive(String callReference) {
    return sources.orderedStream().mapToLong(s -> s.countActive(callReference)).sum();
  }

  /** Candidates of the call, by lot then best weighted score first (no score last), then reference. */
  public List<CandidateSource.Candidate> candidates(String callReference) {
    return sources.orderedStream().flatMap(s -> s.candidates(callReference).stream())
        .sorted(Comparator.comparing(CandidateSource.Candidate::lotCode)
            .thenComparing(CandidateSource.Candidate::weightedScore, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(CandidateSource.Candidate::reference))
        .toList();
  }
}
