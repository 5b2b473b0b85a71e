package fr.pasdecalais.habitat.aap.agreement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgreementDocumentRepository extends JpaRepository<AgreementDocument, Long> {

  List<AgreementDocument> findByAgreementIdOrderByIdDesc(Long agreementId);
}
