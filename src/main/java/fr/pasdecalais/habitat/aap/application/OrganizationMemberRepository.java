package fr.pasdecalais.habitat.aap.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganizationMemberRepository extends JpaRepository<OrganizationMember, OrganizationMember.Key> {
  List<OrganizationMember> findByUserId(String userId);

  boolean existsByUserIdAndOrganizationId(String userId, Long organizationId);

  List<OrganizationMember> findByOrganizationIdOrderByUserId(Long organizationId);
}
