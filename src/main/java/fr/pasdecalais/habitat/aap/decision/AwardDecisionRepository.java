package fr.pasdecalais.habitat.aap.decision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AwardDecisionRepository extends JpaRepository<AwardDecision, Long> {

  List<AwardDecision> findByCallReferenceOrderByApplicationReference(String callReference);

  List<AwardDecision> findByApplicationIdIn(java.util.Collection<Long> applicationIds);

  Optional<AwardDecision> findByApplicationReference(String applicationReference);
}
