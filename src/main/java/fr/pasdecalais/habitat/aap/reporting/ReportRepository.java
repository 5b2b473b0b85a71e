package fr.pasdecalais.habitat.aap.reporting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReportRepository extends JpaRepository<Report, Long> {

  @Query("select r from Report r where r.agreementId = ?1 order by r.dueOn asc, r.id asc")
  List<Report> findByAgreementIdOrderByDueOnAscIdAsc(Long agreementId);

  @Query("select r from Report r where r.agreementId = ?1 and r.kind = ?2 order by r.sequenceNumber asc")
  List<Report> findByAgreementIdAndKindOrderBySequenceNumberAsc(Long agreementId, ReportKind kind);

  /** The reports of several conventions at once (statistics). */
  List<Report> findByAgreementIdIn(java.util.Collection<Long> agreementIds);
}
