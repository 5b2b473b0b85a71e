package fr.pasdecalais.habitat.aap.call;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TerritoryRepository extends JpaRepository<Territory, String> {

  List<Territory> findAllByOrderByKindAscNameAsc();

  /** The territories directly under one. */
  List<Territory> findByParentCode(String parentCode);

  /** Another territory holding this official code, if any. */
  Optional<Territory> findFirstByOfficialCodeAndCodeNot(String officialCode, String code);
}
