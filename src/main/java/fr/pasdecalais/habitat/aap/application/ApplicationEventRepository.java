package fr.pasdecalais.habitat.aap.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicationEventRepository extends JpaRepository<ApplicationEvent, Long> {
  List<ApplicationEvent> findByApplicationIdOrderByOccurredAtAscIdAsc(Long applicationId);

  List<ApplicationEvent> findByApplicationIdInOrderByOccurredAtAscIdAsc(java.util.Collection<Long> applicationIds);
  /** The timelines of several dossiers at once (statistics). */
  List<ApplicationEvent> findByApplicationIdIn(java.util.Collection<Long> applicationIds);
}
