package fr.pasdecalais.habitat.aap.agreement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AmendmentRepository extends JpaRepository<Amendment, Long> {

  @Query("select m from Amendment m where m.agreementId = ?1 order by m.sequenceNumber asc")
  List<Amendment> findByAgreementIdOrderBySequenceNumberAsc(Long agreementId);

  @Query("select count(m) from Amendment m where m.agreementId = ?1")
  long countByAgreementId(Long agreementId);
}
