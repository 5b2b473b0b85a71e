package fr.pasdecalais.habitat.aap.application;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OrganizationRepository extends JpaRepository<Organization, Long> {
  @Query("select o from Organization o where o.siret = ?1")
  Optional<Organization> findBySiret(String siret);
}
