package fr.pasdecalais.habitat.aap.application;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicationDocumentRepository extends JpaRepository<ApplicationDocument, Long> {
  List<ApplicationDocument> findByApplicationIdOrderByUploadedAtAscIdAsc(Long applicationId);

  Optional<ApplicationDocument> findByIdAndApplicationId(Long id, Long applicationId);
}
