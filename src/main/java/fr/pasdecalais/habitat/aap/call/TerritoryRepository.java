package fr.pasdecalais.habitat.aap.call;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TerritoryRepository extends JpaRepository<Territory, String> {

  List<Territory> findAllByOrderByKindAscNameAsc();

  /** Those of these codes that name a territory. */
  @Query("select t.code from Territory t where t.code in ?1")
  List<String> knownCodes(java.util.Collection<String> codes);

  /** The territories directly under one. */
  List<Territory> findByParentCode(String parentCode);

  /** Another territory holding this official code, if any. */
  Optional<Territory> findFirstByOfficialCodeAndCodeNot(String officialCode, String code);
}
