package fr.pasdecalais.habitat.aap.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationRepository extends JpaRepository<Application, Long> {

  Optional<Application> findByReference(String reference);

  @Query("select count(a) from Application a where a.organization.siret = ?1 and a.lotId = ?2 and a.state not in ?3")
  long countBySiretAndLotExcludingStates(String siret, Long lotId, Collection<ApplicationState> excluded);

  List<Application> findByCallReferenceOrderByReference(String callReference);

  List<Application> findByCallReferenceAndStateOrderByReference(String callReference, ApplicationState state);

  List<Application> findByStateOrderByReference(ApplicationState state);

  List<Application> findByJurySessionId(Long jurySessionId);

  List<Application> findByOrganizationIdInOrderByReference(Collection<Long> organizationIds);

  List<Application> findAllByOrderByReference();

  /** Dossiers of the call whose process still runs. */
  long countByCallReferenceAndClosedAtIsNull(String callReference);

  long countByCallReferenceAndLotCodeAndClosedAtIsNull(String callReference, String lotCode);

  /** The dossier's row, locked until the end of the transaction. */
  @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @org.springframework.data.jpa.repository.Query("select a from Application a where a.reference = ?1")
  java.util.Optional<Application> lockByReference(String reference);
}
