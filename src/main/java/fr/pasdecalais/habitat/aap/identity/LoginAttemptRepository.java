package fr.pasdecalais.habitat.aap.identity;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface LoginAttemptRepository extends JpaRepository<LoginAttempt, Long> {

  List<LoginAttempt> findByOccurredAtAfterOrderByOccurredAtDesc(Instant since, Pageable page);

  List<LoginAttempt> findByUserIdAndOccurredAtAfterOrderByOccurredAtDesc(String userId, Instant since, Pageable page);

  long countByUserId(String userId);

  @Transactional
  @Modifying
  @Query("delete from LoginAttempt a where a.occurredAt < :before")
  int deleteOlderThan(Instant before);
}
