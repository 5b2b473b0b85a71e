package fr.pasdecalais.habitat.aap.review;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CallReviewRepository extends JpaRepository<CallReview, Long> {

  @Query("select r from CallReview r where r.callId = ?1")
  Optional<CallReview> findByCallId(Long callId);
}
