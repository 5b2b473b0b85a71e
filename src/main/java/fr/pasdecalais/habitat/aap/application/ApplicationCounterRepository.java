package fr.pasdecalais.habitat.aap.application;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationCounterRepository extends JpaRepository<ApplicationCounter, String> {
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from ApplicationCounter c where c.callReference = ?1")
  Optional<ApplicationCounter> lock(String callReference);
}
