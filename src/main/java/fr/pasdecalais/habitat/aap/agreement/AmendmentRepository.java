package fr.pasdecalais.habitat.aap.agreement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AmendmentRepository extends JpaRepository<Amendment, Long> {

  List<Amendment> findByAgreementIdOrderBySequenceNumberAsc(Long agreementId);

  long countByAgreementId(Long agreementId);
}
