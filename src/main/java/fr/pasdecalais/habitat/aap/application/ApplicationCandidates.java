package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.call.CandidateSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The dossiers of a call as the call's process and the jury synthesis see them. */
@Component
public class ApplicationCandidates implements CandidateSource {

  /** Dossiers the jury examines. */
  static final Set<ApplicationState> EXAMINED = EnumSet.of(ApplicationState.ELIGIBLE, ApplicationState.UNDER_JURY_REVIEW,
      ApplicationState.OPINIONS_IN);

  private final ApplicationRepository applications;
  private final ApplicationCounterRepository counters;

  public ApplicationCandidates(ApplicationRepository applications, ApplicationCounterRepository counters) {
    this.applications = applications;
    this.counters = counters;
  }

  /** The call's counter row, the one {@link ApplicationLifecycle#ended} locks before it tells the call. */
  @Override
  @Transactional
  public void holdEndings(String callReference) {
    counters.lock(callReference);
  }

  /** Dossiers whose process still runs (a granted dossier runs on through its agreement). */
  @Override
  @Transactional(readOnly = true)
  public long countActive(String callReference) {
    return applications.countByCallReferenceAndClosedAtIsNull(callReference);
  }

  @Override
  @Transactional(readOnly = true)
  public long countActive(String callReference, String lotCode) {
    return applications.countByCallReferenceAndLotCodeAndClosedAtIsNull(callReference, lotCode);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Candidate> candidates(String callReference) {
    return applications.findByCallReferenceOrderByReference(callReference).stream()
        .filter(a -> EXAMINED.contains(a.getState()))
        .map(a -> new Candidate(a.getId(), a.getReference(), a.getLotCode(), a.getOrganization().getName(),
            a.getWeightedScore(), a.getRequestedAmount(), a.getRequestedUnits()))
        .toList();
  }
}
