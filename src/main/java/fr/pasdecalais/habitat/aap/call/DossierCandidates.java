package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationRepository;
import fr.pasdecalais.habitat.aap.application.ApplicationState;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dossiers of a call as the call's process sees them, read from the application capability's
 * table: still in the running, and examined by the jury with their weighted score. When the
 * application capability's own {@code CandidateSource} is merged, {@link Candidates} reads both
 * (same dossiers counted once) and this class can go.
 */
@Component
public class DossierCandidates implements CandidateSource {

  /** Dossiers the jury examines: eligible, under review, all opinions in. */
  static final Set<ApplicationState> EXAMINED = EnumSet.of(ApplicationState.ELIGIBLE,
      ApplicationState.UNDER_JURY_REVIEW, ApplicationState.OPINIONS_IN);

  private final ApplicationRepository applications;

  public DossierCandidates(ApplicationRepository applications) {
    this.applications = applications;
  }

  @Override
  @Transactional(readOnly = true)
  public long countActive(String callReference) {
    return applications.findByCallReferenceOrderByReference(callReference).stream()
        .filter(a -> a.getState().isActive()).count();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Candidate> candidates(String callReference) {
    return applications.findByCallReferenceOrderByReference(callReference).stream()
        .filter(a -> EXAMINED.contains(a.getState()))
        .map(DossierCandidates::candidate)
        .toList();
  }

  private static Candidate candidate(Application a) {
    return new Candidate(a.getId(), a.getReference(), a.getLotCode(), a.getOrganization().getName(),
        a.getWeightedScore(), a.getRequestedAmount(), a.getRequestedUnits());
  }
}
