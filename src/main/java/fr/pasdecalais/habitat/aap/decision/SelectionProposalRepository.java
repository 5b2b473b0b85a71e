package fr.pasdecalais.habitat.aap.decision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SelectionProposalRepository extends JpaRepository<SelectionProposal, Long> {

  List<SelectionProposal> findByCallReferenceOrderByLotCodeAscRankAsc(String callReference);

  List<SelectionProposal> findByApplicationIdIn(java.util.Collection<Long> applicationIds);

  Optional<SelectionProposal> findByCallReferenceAndApplicationReference(String callReference, String applicationReference);
}
