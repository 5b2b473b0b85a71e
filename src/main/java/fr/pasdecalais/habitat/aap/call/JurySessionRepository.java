package fr.pasdecalais.habitat.aap.call;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JurySessionRepository extends JpaRepository<JurySession, Long> {

  List<JurySession> findByCallReferenceOrderByIdDesc(String callReference);
}
