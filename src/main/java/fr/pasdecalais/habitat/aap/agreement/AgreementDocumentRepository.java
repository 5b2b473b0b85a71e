package fr.pasdecalais.habitat.aap.agreement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AgreementDocumentRepository extends JpaRepository<AgreementDocument, Long> {

  @Query("select d from AgreementDocument d where d.agreementId = ?1 order by d.id desc")
  List<AgreementDocument> findByAgreementIdOrderByIdDesc(Long agreementId);
}
