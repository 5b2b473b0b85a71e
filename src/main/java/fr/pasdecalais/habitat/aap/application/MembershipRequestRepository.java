package fr.pasdecalais.habitat.aap.application;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MembershipRequestRepository extends JpaRepository<MembershipRequest, Long> {

  Optional<MembershipRequest> findFirstByUserIdAndOrganizationIdOrderByIdDesc(String userId,
      Long organizationId);

  List<MembershipRequest> findByUserIdAndOrganizationIdAndStatus(String userId, Long organizationId,
      MembershipRequest.Status status);
}
