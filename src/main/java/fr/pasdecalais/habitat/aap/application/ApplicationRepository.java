package fr.pasdecalais.habitat.aap.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationRepository extends JpaRepository<Application, Long> {

  @Query("select a from Application a where a.reference = ?1")
  Optional<Application> findByReference(String reference);

  @Query("select count(a) from Application a where a.organization.siret = ?1 and a.lotId = ?2 and a.state not in ?3")
  long countBySiretAndLotExcludingStates(String siret, Long lotId, Collection<ApplicationState> excluded);

  @Query("select a from Application a where a.callReference = ?1 order by a.reference")
  List<Application> findByCallReferenceOrderByReference(String callReference);

  @Query("select a from Application a where a.callReference = ?1 and a.state = ?2 order by a.reference")
  List<Application> findByCallReferenceAndStateOrderByReference(String callReference, ApplicationState state);

  List<Application> findByStateOrderByReference(ApplicationState state);

  @Query("select a from Application a where a.jurySessionId = ?1")
  List<Application> findByJurySessionId(Long jurySessionId);

  List<Application> findByOrganizationIdInOrderByReference(Collection<Long> organizationIds);

  List<Application> findAllByOrderByReference();

  /** Dossiers of the call whose process still runs. */
  @Query("select count(a) from Application a where a.callReference = ?1 and a.closedAt is null")
  long countByCallReferenceAndClosedAtIsNull(String callReference);

  @Query("select count(a) from Application a where a.callReference = ?1 and a.lotCode = ?2 and a.closedAt is null")
  long countByCallReferenceAndLotCodeAndClosedAtIsNull(String callReference, String lotCode);

  /**
   * One page of dossier ids for the exports, in id order after {@code after} (keyset paging: the
   * export never holds more than a page), filtered by calls, state (null: all) and territory (null: all).
   */
  @Query("select a.id from Application a where a.callReference in :calls and a.id > :after"
      + " and (:state is null or a.state = :state)"
      + " and (:territory is null or :territory member of a.territories)"
      + " order by a.id")
  List<Long> exportIds(@org.springframework.data.repository.query.Param("calls") Collection<String> calls,
      @org.springframework.data.repository.query.Param("after") long after,
      @org.springframework.data.repository.query.Param("state") ApplicationState state,
      @org.springframework.data.repository.query.Param("territory") String territory,
      org.springframework.data.domain.Limit limit);

  /** The dossiers of a page with their organisation and territories, in one query. */
  @Query("select distinct a from Application a join fetch a.organization o left join fetch a.territories"
      + " left join fetch o.declaredHolderType left join fetch o.approvals where a.id in :ids")
  List<Application> fetchForExport(@org.springframework.data.repository.query.Param("ids") Collection<Long> ids);

  /** The dossier's row, locked until the end of the transaction. */
  @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from Application a where a.reference = ?1")
  java.util.Optional<Application> lockByReference(String reference);
}
