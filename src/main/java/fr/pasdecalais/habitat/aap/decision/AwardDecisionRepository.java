package fr.pasdecalais.habitat.aap.decision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AwardDecisionRepository extends JpaRepository<AwardDecision, Long> {

  @Query("select d from AwardDecision d where d.callReference = ?1 order by d.applicationReference")
  List<AwardDecision> findByCallReferenceOrderByApplicationReference(String callReference);

  List<AwardDecision> findByApplicationIdIn(java.util.Collection<Long> applicationIds);

  @Query("select d from AwardDecision d where d.applicationReference = ?1")
  Optional<AwardDecision> findByApplicationReference(String applicationReference);
}
