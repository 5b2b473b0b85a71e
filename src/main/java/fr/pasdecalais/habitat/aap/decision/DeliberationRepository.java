package fr.pasdecalais.habitat.aap.decision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DeliberationRepository extends JpaRepository<Deliberation, Long> {

  List<Deliberation> findByCallReferenceOrderByIdAsc(String callReference);

  boolean existsByNumber(String number);
}
