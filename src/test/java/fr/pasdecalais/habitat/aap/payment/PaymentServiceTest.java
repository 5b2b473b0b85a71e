package fr.pasdecalais.habitat.aap.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.shared.Money;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

@SpringScenarioTest
class PaymentServiceTest {

  /** Agreement ids far above the ones the agreement tests create, unique per test. */
  private static final AtomicLong AGREEMENT_IDS = new AtomicLong(9_000_000 + System.nanoTime() % 1_000_000);

  @Autowired PaymentService service;
  @Autowired PaymentRepository repository;

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @Test
  void advanceAndBalanceAddUpToTheGrantedAmountToTheCent() {
    long agreement = AGREEMENT_IDS.incrementAndGet();
    BigDecimal granted = Money.of("25493.66");
    BigDecimal advance = Money.percentOf(granted, 60);
    assertThat(advance).isEqualByComparingTo("15296.20");
    Payment a = service.order(agreement, "C-" + agreement, PaymentKind.ADVANCE, advance, granted);
    Payment b = service.order(agreement, "C-" + agreement, PaymentKind.BALANCE, granted.subtract(advance), granted);
    assertThat(b.getAmount()).isEqualByComparingTo("10197.46");
    assertThat(a.getAmount().add(b.getAmount())).isEqualByComparingTo(granted);
    assertThat(a.getOrderNumber()).isEqualTo("MA-C-" + agreement + "-AV");
  }

  @Test
  void orderingTwiceReturnsTheSameOrder() {
    long agreement = AGREEMENT_IDS.incrementAndGet();
    Payment first = service.order(agreement, "C-" + agreement, PaymentKind.ADVANCE, Money.of("33600"), Money.of("42000"));
    Payment again = service.order(agreement, "C-" + agreement, PaymentKind.ADVANCE, Money.of("33600"), Money.of("42000"));
    assertThat(again.getId()).isEqualTo(first.getId());
    assertThat(service.ofAgreement(agreement)).hasSize(1);
  }

  @Test
  void theDatabaseRefusesASecondLiveAdvance() {
    long agreement = AGREEMENT_IDS.incrementAndGet();
    repository.saveAndFlush(new Payment(agreement, PaymentKind.ADVANCE, Money.of("10"), "X-" + agreement + "-1", "a", Instant.now()));
    assertThatThrownBy(() -> repository.saveAndFlush(
        new Payment(agreement, PaymentKind.ADVANCE, Money.of("10"), "X-" + agreement + "-2", "b", Instant.now())))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(repository.findByAgreementIdOrderByIdAsc(agreement)).hasSize(1);
  }

  @Test
  void aMandateNumberIsGivenOncePerSeriesAndBudgetYear() {
    ProcessTestSupport.clock("2026-12-01T10:00:00");
    long first = AGREEMENT_IDS.incrementAndGet();
    long second = AGREEMENT_IDS.incrementAndGet();
    Payment a = service.order(first, "C-" + first, PaymentKind.ADVANCE, Money.of("1000"), Money.of("1000"));
    Payment b = service.order(second, "C-" + second, PaymentKind.ADVANCE, Money.of("2000"), Money.of("2000"));
    String number = "M-" + second;
    service.confirm(a.getId(), LocalDate.of(2026, 12, 1), number);
    assertThatThrownBy(() -> service.confirm(b.getId(), LocalDate.of(2026, 12, 1), number))
        .isInstanceOf(PaymentRefusedException.class)
        .hasMessage("Le numéro de mandat " + number + " de 2026 est déjà enregistré sur l'ordre " + a.getOrderNumber() + ".");
    assertThat(repository.findById(b.getId()).orElseThrow().getStatus()).isEqualTo(PaymentStatus.ORDERED);

    // the database refuses it too, whatever the service checked
    Payment c = service.order(AGREEMENT_IDS.incrementAndGet(), "C-x", PaymentKind.ADVANCE, Money.of("10"), Money.of("10"));
    c.markPaid(LocalDate.of(2026, 12, 1), number, "essai");
    assertThatThrownBy(() -> repository.saveAndFlush(c)).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void neverAboveTheGrantedAmount() {
    long agreement = AGREEMENT_IDS.incrementAndGet();
    service.order(agreement, "C-" + agreement, PaymentKind.ADVANCE, Money.of("80000"), Money.of("100000"));
    assertThatThrownBy(() -> service.order(agreement, "C-" + agreement, PaymentKind.BALANCE, Money.of("20000.01"), Money.of("100000")))
        .isInstanceOf(PaymentRefusedException.class)
        .hasMessageContaining("100 000,00 €");
  }

  @Test
  void confirmationNeedsAPastDateNotBeforeTheOrder() {
    ProcessTestSupport.clock("2023-12-01T10:00:00");
    long agreement = AGREEMENT_IDS.incrementAndGet();
    Payment p = service.order(agreement, "C-" + agreement, PaymentKind.ADVANCE, Money.of("100000"), Money.of("100000"));
    assertThatThrownBy(() -> service.confirm(p.getId(), LocalDate.of(2023, 12, 2), "M-1"))
        .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("futur");
    assertThatThrownBy(() -> service.confirm(p.getId(), LocalDate.of(2023, 11, 30), "M-1"))
        .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("précéder");
    Payment paid = service.confirm(p.getId(), LocalDate.of(2023, 12, 1), "M-2023-0042");
    assertThat(paid.getStatus()).isEqualTo(PaymentStatus.PAID);
    assertThat(service.totals(List.of(agreement)).paid()).isEqualByComparingTo("100000.00");
    assertThat(service.withStatus(PaymentStatus.ORDERED)).noneMatch(x -> x.getId().equals(p.getId()));
  }

  @Test
  void aCancelledAdvanceFreesItsSlot() {
    long agreement = AGREEMENT_IDS.incrementAndGet();
    Payment p = service.order(agreement, "C-" + agreement, PaymentKind.ADVANCE, Money.of("500"), Money.of("1000"));
    service.cancel(p.getId());
    Payment again = service.order(agreement, "C-" + agreement, PaymentKind.ADVANCE, Money.of("600"), Money.of("1000"));
    assertThat(again.getId()).isNotEqualTo(p.getId());
    assertThat(again.getOrderNumber()).endsWith("-AV-2");
    assertThat(Money.format(Money.of("33600"))).isEqualTo("33 600,00 €");
  }
}
