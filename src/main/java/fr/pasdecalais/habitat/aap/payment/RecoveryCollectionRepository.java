package fr.pasdecalais.habitat.aap.payment;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RecoveryCollectionRepository extends JpaRepository<RecoveryCollection, Long> {

  List<RecoveryCollection> findByPaymentIdOrderByIdAsc(Long paymentId);

  List<RecoveryCollection> findByPaymentIdIn(Collection<Long> paymentIds);
}
