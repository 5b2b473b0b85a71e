package fr.pasdecalais.habitat.aap.reporting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportRepository extends JpaRepository<Report, Long> {

  List<Report> findByAgreementIdOrderByDueOnAscIdAsc(Long agreementId);

  List<Report> findByAgreementIdAndKindOrderBySequenceNumberAsc(Long agreementId, ReportKind kind);

  /** The reports of several conventions at once (statistics). */
  List<Report> findByAgreementIdIn(java.util.Collection<Long> agreementIds);
}
