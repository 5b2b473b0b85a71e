package fr.pasdecalais.habitat.aap;

import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentKind;
import fr.pasdecalais.habitat.aap.payment.PaymentService;
import fr.pasdecalais.habitat.aap.shared.Money;
import fr.pasdecalais.habitat.aap.support.PostgresIntegrationTest;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * One payment step run by two nodes at the same instant on PostgreSQL (a job taken again by a second node
 * while the first still runs it, or two jobs of one convention): the database's unique key (convention,
 * kind, instalment) lets one order in; the other node's transaction fails on it and rolls back, and its
 * retry — what the engine does with the failed job — finds the live order. One order in the end, the
 * same for both (issue 14, effects under retry).
 */
@PostgresIntegrationTest
class SameStepOnTwoNodesIT {

  private static final AtomicLong AGREEMENT_IDS = new AtomicLong(9_000_000 + System.nanoTime() % 1_000_000);

  @Autowired PaymentService payments;

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"ADVANCE, 0", "INSTALMENT, 1", "BALANCE, 0", "RECOVERY, 0"})
  void twoNodesOrderingTheSamePaymentAtOnceMakeOneOrder(PaymentKind kind, int instalment) throws Exception {
    clock("2025-03-03T10:00:00");
    for (int round = 0; round < 3; round++) {
      long agreement = AGREEMENT_IDS.incrementAndGet();
      CyclicBarrier together = new CyclicBarrier(2);
      ExecutorService nodes = Executors.newFixedThreadPool(2);
      List<Future<Payment>> results = new ArrayList<>();
      List<String> conflicts = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        results.add(nodes.submit(() -> {
          together.await();
          try {
            return order(agreement, kind, instalment);
          } catch (DataIntegrityViolationException lost) {
            synchronized (conflicts) {
              conflicts.add(lost.getClass().getSimpleName());
            }
            return order(agreement, kind, instalment); // the engine's retry of the failed job
          }
        }));
      }
      List<Long> ids = new ArrayList<>();
      for (Future<Payment> result : results) {
        ids.add(result.get().getId());
      }
      nodes.shutdown();

      assertThat(ids).as("both nodes end with the same order").containsOnly(ids.get(0));
      List<Payment> ofAgreement = payments.ofAgreement(agreement);
      assertThat(ofAgreement).hasSize(1);
      assertThat(ofAgreement.get(0).getKind()).isEqualTo(kind);
      assertThat(ofAgreement.get(0).getInstalment()).isEqualTo(instalment);
      assertThat(ofAgreement.get(0).getAmount()).isEqualByComparingTo("1234.56");
      assertThat(conflicts).hasSizeLessThanOrEqualTo(1);
    }
  }

  private Payment order(long agreement, PaymentKind kind, int instalment) {
    return payments.order(agreement, "C-" + agreement, kind, instalment, Money.of("1234.56"), Money.of("5000"));
  }
}
