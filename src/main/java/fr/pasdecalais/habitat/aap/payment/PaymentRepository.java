package fr.pasdecalais.habitat.aap.payment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentRepository extends JpaRepository<Payment, Long> {

  /** The live (not cancelled) order of a kind, if any: at most one by the unique constraint. */
  Optional<Payment> findByAgreementIdAndSlot(Long agreementId, PaymentKind slot);

  Optional<Payment> findByAgreementIdAndSlotAndInstalment(Long agreementId, PaymentKind slot, int instalment);

  List<Payment> findByAgreementIdOrderByIdAsc(Long agreementId);

  List<Payment> findByAgreementIdInOrderByIdAsc(List<Long> agreementIds);

  List<Payment> findByStatusOrderByOrderedAtAsc(PaymentStatus status);

  List<Payment> findAllByOrderByOrderedAtAsc();

  /** The order already bearing this mandate (or titre de recette) number in its series, if any. */
  java.util.Optional<Payment> findFirstByMandateSeriesAndMandateNumber(String mandateSeries, String mandateNumber);
}
