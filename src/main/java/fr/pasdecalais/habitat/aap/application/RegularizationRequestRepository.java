package fr.pasdecalais.habitat.aap.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RegularizationRequestRepository extends JpaRepository<RegularizationRequest, Long> {
  @Query("select r from RegularizationRequest r where r.applicationId = ?1 order by r.requestedAt asc, r.id asc")
  List<RegularizationRequest> findByApplicationIdOrderByRequestedAtAscIdAsc(Long applicationId);

  List<RegularizationRequest> findByApplicationIdInOrderByRequestedAtAscIdAsc(java.util.Collection<Long> applicationIds);

  @Query("select r from RegularizationRequest r where r.applicationId = ?1 and r.status = ?2")
  List<RegularizationRequest> findByApplicationIdAndStatus(Long applicationId, RegularizationRequest.Status status);

  /** The regularisation requests of several dossiers at once (statistics). */
  List<RegularizationRequest> findByApplicationIdIn(java.util.Collection<Long> applicationIds);
}
