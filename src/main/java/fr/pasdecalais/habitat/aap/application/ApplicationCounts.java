package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.call.ApplicationCountSource;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The dossiers of a call by state, for {@code GET /api/calls/{reference}}. */
@Component
public class ApplicationCounts implements ApplicationCountSource {

  private final ApplicationRepository applications;

  public ApplicationCounts(ApplicationRepository applications) {
    this.applications = applications;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Long> countByState(String callReference) {
    Map<String, Long> counts = new TreeMap<>();
    applications.findByCallReferenceOrderByReference(callReference)
        .forEach(a -> counts.merge(a.getState().name(), 1L, Long::sum));
    return counts;
  }
}
