package fr.pasdecalais.habitat.aap.call;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Test-side {@link CandidateSource}: the dossiers of the calls that the call scenario tests create
 * (unique references), until the application capability's own source is merged. Returns nothing
 * for any other call.
 */
@Component
public class ScenarioCandidates implements CandidateSource {

  private final Map<String, List<Candidate>> byCall = new ConcurrentHashMap<>();

  public void register(String callReference, List<Candidate> candidates) {
    byCall.put(callReference, List.copyOf(candidates));
  }

  @Override
  public long countActive(String callReference) {
    return byCall.getOrDefault(callReference, List.of()).size();
  }

  @Override
  public List<Candidate> candidates(String callReference) {
    return byCall.getOrDefault(callReference, List.of());
  }
}
