package fr.pasdecalais.habitat.aap.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegularizationRequestRepository extends JpaRepository<RegularizationRequest, Long> {
  List<RegularizationRequest> findByApplicationIdOrderByRequestedAtAscIdAsc(Long applicationId);

  List<RegularizationRequest> findByApplicationIdInOrderByRequestedAtAscIdAsc(java.util.Collection<Long> applicationIds);

  List<RegularizationRequest> findByApplicationIdAndStatus(Long applicationId, RegularizationRequest.Status status);

  /** The regularisation requests of several dossiers at once (statistics). */
  List<RegularizationRequest> findByApplicationIdIn(java.util.Collection<Long> applicationIds);
}
