package fr.pasdecalais.habitat.aap.decision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SelectionProposalRepository extends JpaRepository<SelectionProposal, Long> {

  @Query("select p from SelectionProposal p where p.callReference = ?1 order by p.lotCode asc, p.rank asc")
  List<SelectionProposal> findByCallReferenceOrderByLotCodeAscRankAsc(String callReference);

  List<SelectionProposal> findByApplicationIdIn(java.util.Collection<Long> applicationIds);

  @Query("select p from SelectionProposal p where p.callReference = ?1 and p.applicationReference = ?2")
  Optional<SelectionProposal> findByCallReferenceAndApplicationReference(String callReference, String applicationReference);
}
