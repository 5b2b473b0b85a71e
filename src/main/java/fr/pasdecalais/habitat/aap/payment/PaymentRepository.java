package fr.pasdecalais.habitat.aap.payment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PaymentRepository extends JpaRepository<Payment, Long> {

  /** The live (not cancelled) order of a kind, if any: at most one by the unique constraint. */
  @Query("select p from Payment p where p.agreementId = ?1 and p.slot = ?2")
  Optional<Payment> findByAgreementIdAndSlot(Long agreementId, PaymentKind slot);

  @Query("select p from Payment p where p.agreementId = ?1 and p.slot = ?2 and p.instalment = ?3")
  Optional<Payment> findByAgreementIdAndSlotAndInstalment(Long agreementId, PaymentKind slot, int instalment);

  @Query("select p from Payment p where p.agreementId = ?1 order by p.id asc")
  List<Payment> findByAgreementIdOrderByIdAsc(Long agreementId);

  List<Payment> findByAgreementIdInOrderByIdAsc(List<Long> agreementIds);

  List<Payment> findByStatusOrderByOrderedAtAsc(PaymentStatus status);

  List<Payment> findAllByOrderByOrderedAtAsc();

  @Query("select p from Payment p where p.orderNumber = ?1")
  Optional<Payment> findByOrderNumber(String orderNumber);

  /** The order already bearing this mandate (or titre de recette) number in its series, if any. */
  java.util.Optional<Payment> findFirstByMandateSeriesAndMandateNumber(String mandateSeries, String mandateNumber);
}
