package fr.pasdecalais.habitat.aap.agreement;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface GrantAgreementRepository extends JpaRepository<GrantAgreement, Long> {

  @Query("select a from GrantAgreement a where a.applicationReference = ?1")
  Optional<GrantAgreement> findByApplicationReference(String applicationReference);

  @Query("select a from GrantAgreement a where a.callReference = ?1")
  List<GrantAgreement> findByCallReference(String callReference);

  /** One page of the exports (keyset paging on the id), the calls' conventions in id order after {@code after}. */
  @Query("select a from GrantAgreement a where a.callReference in :calls and a.id > :after"
      + " and (:status is null or a.status = :status) order by a.id")
  List<GrantAgreement> exportPage(@org.springframework.data.repository.query.Param("calls") java.util.Collection<String> calls,
      @org.springframework.data.repository.query.Param("after") long after,
      @org.springframework.data.repository.query.Param("status") AgreementStatus status,
      org.springframework.data.domain.Limit limit);

  /** The agreement locked for an update that must not interleave (payments, amendments). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from GrantAgreement a where a.id = :id")
  Optional<GrantAgreement> lockById(Long id);

  /** The agreement, locked until the end of the transaction; it must exist (ids come from the process). */
  default GrantAgreement lockExisting(Long id) {
    return lockById(id).orElseThrow(() -> new IllegalStateException("Convention " + id + " introuvable."));
  }

  /** The agreement; it must exist (ids come from the process). */
  default GrantAgreement getExisting(Long id) {
    return findById(id).orElseThrow(() -> new IllegalStateException("Convention " + id + " introuvable."));
  }
}
