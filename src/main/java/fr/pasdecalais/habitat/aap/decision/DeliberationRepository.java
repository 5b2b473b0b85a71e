package fr.pasdecalais.habitat.aap.decision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DeliberationRepository extends JpaRepository<Deliberation, Long> {

  @Query("select d from Deliberation d where d.callReference = ?1 order by d.id asc")
  List<Deliberation> findByCallReferenceOrderByIdAsc(String callReference);

  boolean existsByNumber(String number);
}
