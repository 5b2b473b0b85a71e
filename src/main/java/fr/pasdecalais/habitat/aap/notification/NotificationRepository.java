package fr.pasdecalais.habitat.aap.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

  @Query("select n from Notification n where n.applicationReference = ?1 order by n.createdAt asc, n.id asc")
  List<Notification> findByApplicationReferenceOrderByCreatedAtAscIdAsc(String applicationReference);
}
