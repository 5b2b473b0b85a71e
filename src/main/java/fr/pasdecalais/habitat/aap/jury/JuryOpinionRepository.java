package fr.pasdecalais.habitat.aap.jury;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface JuryOpinionRepository extends JpaRepository<JuryOpinion, Long> {
  @Query("select o from JuryOpinion o where o.applicationId = ?1 and o.memberId = ?2")
  Optional<JuryOpinion> findByApplicationIdAndMemberId(Long applicationId, String memberId);

  @Query("select o from JuryOpinion o where o.applicationId = ?1 order by o.memberId")
  List<JuryOpinion> findByApplicationIdOrderByMemberId(Long applicationId);

  /** The opinions of a page of dossiers with their scores, in one query (the exports). */
  @Query("select distinct o from JuryOpinion o left join fetch o.scores"
      + " where o.applicationId in :ids order by o.memberId")
  List<JuryOpinion> findByApplicationIdInOrderByMemberId(
      @org.springframework.data.repository.query.Param("ids") java.util.Collection<Long> applicationIds);
}
