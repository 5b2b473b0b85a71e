package fr.pasdecalais.habitat.aap.review;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CallReviewRepository extends JpaRepository<CallReview, Long> {

  Optional<CallReview> findByCallId(Long callId);
}
