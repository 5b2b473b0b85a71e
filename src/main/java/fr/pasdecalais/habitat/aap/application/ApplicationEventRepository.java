package fr.pasdecalais.habitat.aap.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationEventRepository extends JpaRepository<ApplicationEvent, Long> {
  @Query("select e from ApplicationEvent e where e.applicationId = ?1 order by e.occurredAt asc, e.id asc")
  List<ApplicationEvent> findByApplicationIdOrderByOccurredAtAscIdAsc(Long applicationId);

  List<ApplicationEvent> findByApplicationIdInOrderByOccurredAtAscIdAsc(java.util.Collection<Long> applicationIds);
  /** The timelines of several dossiers at once (statistics). */
  List<ApplicationEvent> findByApplicationIdIn(java.util.Collection<Long> applicationIds);
}
