package fr.pasdecalais.habitat.aap.call;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface JurySessionRepository extends JpaRepository<JurySession, Long> {

  @Query("select s from JurySession s where s.callReference = ?1 order by s.id desc")
  List<JurySession> findByCallReferenceOrderByIdDesc(String callReference);
}
