package fr.pasdecalais.habitat.aap.decision;

import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Test step: the award decision of a dossier as the call process records it (an adopted Commission
 * Permanente deliberation, then the dossier's decision), for scenarios that start from a granted
 * dossier without running the whole call.
 */
@Component
public class AwardDecisions {

  private static final AtomicInteger COUNTER = new AtomicInteger((int) (System.nanoTime() % 10_000));

  private final CallCatalog calls;
  private final DeliberationRepository deliberations;
  private final AwardDecisionRepository awards;

  AwardDecisions(CallCatalog calls, DeliberationRepository deliberations, AwardDecisionRepository awards) {
    this.calls = calls;
    this.deliberations = deliberations;
    this.awards = awards;
  }

  /** The dossier granted {@code amount} by a deliberation of {@code decidedOn}; idempotent per dossier. */
  @Transactional
  public AwardDecision grant(Application a, BigDecimal amount, Integer units, LocalDate decidedOn) {
    return awards.findByApplicationReference(a.getReference()).orElseGet(() -> {
      Instant now = ClockUtil.getCurrentTime().toInstant();
      Deliberation d = deliberations.save(Deliberation.ofAssembly(calls.getByReference(a.getCallReference()).getId(),
          a.getCallReference(), "9" + String.format("%03d", COUNTER.incrementAndGet() % 1000) + "-"
              + COUNTER.incrementAndGet(), decidedOn, 30, 2, 1, 0, true, now));
      SelectionProposal p = new SelectionProposal(a.getCallReference(), a.getId(), a.getReference(), a.getLotCode(),
          a.getOrganization().getName());
      p.update(null, 1, "Retenu", true, amount, units, null, now);
      return awards.save(new AwardDecision(d, p, now));
    });
  }
}
