package fr.pasdecalais.habitat.aap.jury;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JuryOpinionRepository extends JpaRepository<JuryOpinion, Long> {
  Optional<JuryOpinion> findByApplicationIdAndMemberId(Long applicationId, String memberId);

  List<JuryOpinion> findByApplicationIdOrderByMemberId(Long applicationId);

  List<JuryOpinion> findByApplicationIdInOrderByMemberId(java.util.Collection<Long> applicationIds);
}
