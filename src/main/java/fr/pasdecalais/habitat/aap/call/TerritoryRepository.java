package fr.pasdecalais.habitat.aap.call;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TerritoryRepository extends JpaRepository<Territory, String> {

  List<Territory> findAllByOrderByKindAscNameAsc();
}
