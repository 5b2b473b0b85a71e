package fr.pasdecalais.habitat.aap.call;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CallRepository extends JpaRepository<CallForProjects, Long> {

  Optional<CallForProjects> findByReference(String reference);

  boolean existsByReference(String reference);

  List<CallForProjects> findAllByOrderByReferenceAsc();
}
