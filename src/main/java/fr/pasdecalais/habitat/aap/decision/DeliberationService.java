package fr.pasdecalais.habitat.aap.decision;

import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_AWARD_DECISION_ID;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_DECISION_LABEL;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_GRANTED;

import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.Money;
import fr.pasdecalais.habitat.aap.call.CallArrivals;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallStatus;
import fr.pasdecalais.habitat.aap.call.DecidingBody;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deciding body's act (Commission Permanente deliberation or Préfet's decision), the award
 * decisions it makes (one per dossier of the synthesis, sent to each dossier's process). The
 * call's final review is {@code review.CallReviewService}.
 */
@Service
public class DeliberationService {

  private final CallCatalog catalog;
  private final DeliberationRepository deliberations;
  private final SelectionProposalRepository proposals;
  private final AwardDecisionRepository awards;
  private final RuntimeService runtime;
  private final CallArrivals arrivals;

  public DeliberationService(CallCatalog catalog, DeliberationRepository deliberations,
      SelectionProposalRepository proposals, AwardDecisionRepository awards,
      RuntimeService runtime, CallArrivals arrivals) {
    this.arrivals = arrivals;
    this.catalog = catalog;
    this.deliberations = deliberations;
    this.proposals = proposals;
    this.awards = awards;
    this.runtime = runtime;
  }

  /** What the secretariat records; votes for the Commission Permanente, reference for the Préfet. */
  public record DeliberationInput(String number, LocalDate decidedOn, Integer votesFor, Integer votesAgainst,
      Integer votesAbstention, Integer votesAbsent, Boolean adopted, String decisionReference) {}

  /** A record the form must show again, with every problem. */
  public static class InvalidDeliberationException extends RuntimeException {
    public InvalidDeliberationException(String message) {
      super(message);
    }
  }

  /** "Enregistrer la délibération": checks and stores the act (a refusal rolls nothing back: nothing is written). */
  @Transactional(noRollbackFor = InvalidDeliberationException.class)
  public Deliberation record(String callReference, DeliberationInput in) {
    return record(callReference, in, null);
  }

  /** As {@link #record(String, DeliberationInput)}, with who recorded it (the task's assignee, read from the engine). */
  @Transactional(noRollbackFor = InvalidDeliberationException.class)
  public Deliberation record(String callReference, DeliberationInput in, String recordedBy) {
    return record(callReference, null, in, recordedBy);
  }

  /** As {@link #record(String, DeliberationInput, String)}, for one lot decided at its close ({@code lotCode}; null: every lot). */
  @Transactional(noRollbackFor = InvalidDeliberationException.class)
  public Deliberation record(String callReference, String lotCode, DeliberationInput in, String recordedBy) {
    CallForProjects call = catalog.getByReference(callReference);
    List<String> problems = new ArrayList<>();
    if (in.decidedOn() == null) {
      problems.add("La date de la décision est obligatoire.");
    }
    if (in.adopted() == null) {
      problems.add("Indiquez si la décision est adoptée.");
    }
    Deliberation d;
    if (call.getDecidingBody() == DecidingBody.PREFET) {
      if (in.decisionReference() == null || in.decisionReference().isBlank()) {
        problems.add("La référence de la décision du Préfet est obligatoire.");
      }
      fail(problems);
      d = Deliberation.ofPrefect(call.getId(), callReference, in.decisionReference().trim(), in.decidedOn(),
          in.adopted(), EngineClock.now());
    } else {
      String number = in.number() == null ? "" : in.number().trim();
      if (!number.matches("\\d{4}-\\d{1,5}")) {
        problems.add("Le numéro de délibération a la forme 2023-326.");
      } else if (deliberations.existsByNumber(number)) {
        problems.add("La délibération n° " + number + " est déjà enregistrée.");
      }
      for (Integer v : new Integer[] {in.votesFor(), in.votesAgainst(), in.votesAbstention(), in.votesAbsent()}) {
        if (v == null || v < 0) {
          problems.add("Les votes pour, contre, abstentions et absents sont obligatoires et positifs ou nuls.");
          break;
        }
      }
      if (problems.isEmpty() && Boolean.TRUE.equals(in.adopted()) && in.votesFor() <= in.votesAgainst()) {
        problems.add("Une délibération adoptée a plus de votes pour (" + in.votesFor() + ") que contre ("
            + in.votesAgainst() + ").");
      }
      fail(problems);
      d = Deliberation.ofAssembly(call.getId(), callReference, number, in.decidedOn(), in.votesFor(),
          in.votesAgainst(), in.votesAbstention(), in.votesAbsent(), in.adopted(), EngineClock.now());
    }
    d.recordedBy(recordedBy);
    d = deliberations.save(d.forLot(lotCode));
    if (d.isAdopted()) {
      if (lotCode == null) {
        catalog.moveTo(callReference, CallStatus.DECIDED);
      } else {
        catalog.advance(callReference, CallStatus.DECIDED);
      }
    }
    return d;
  }

  private static void fail(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidDeliberationException(String.join(" ", problems));
    }
  }

  /**
   * "Notifier les décisions": one award decision per dossier of the synthesis (stored once, so a
   * retried job creates nothing twice), sent to each dossier's process ({@code Message_Decision});
   * the call is IN_EXECUTION. Returns a French summary for the final review. The call's row is
   * locked first ({@link CallArrivals}): a dossier reaching "Décision reçue" at the same time
   * either waits there before the correlation reads, or finds its decision once this commits.
   */
  @Transactional
  public String awardAndNotify(String callReference, Long deliberationId) {
    arrivals.lock(callReference);
    Deliberation d = deliberations.findById(deliberationId).orElseThrow(() -> new IllegalArgumentException(
        "La délibération " + deliberationId + " n'existe pas."));
    if (!d.isAdopted()) {
      throw new IllegalStateException("La " + d.frenchLabel() + " n'est pas adoptée : aucune décision à notifier.");
    }
    String label = d.frenchLabel();
    for (SelectionProposal p : proposals.findByCallReferenceOrderByLotCodeAscRankAsc(callReference)) {
      if (d.getLotCode() != null && !d.getLotCode().equals(p.getLotCode())) {
        continue; // a lot decided at its close: only its own dossiers
      }
      AwardDecision award = awards.findByApplicationReference(p.getApplicationReference())
          .orElseGet(() -> awards.save(new AwardDecision(d, p, EngineClock.now())));
      runtime.createMessageCorrelation(ProcessContract.MSG_DECISION)
          .processInstanceBusinessKey(award.getApplicationReference())
          .setVariable(VAR_GRANTED, award.isGranted())
          .setVariable(VAR_AWARD_DECISION_ID, award.getId())
          .setVariable(VAR_DECISION_LABEL, award.frenchLabel(label))
          .correlateAllWithResult();
    }
    if (d.getLotCode() == null) {
      catalog.moveTo(callReference, CallStatus.IN_EXECUTION);
    } else {
      catalog.advance(callReference, CallStatus.IN_EXECUTION);
    }
    return summary(callReference);
  }

  /** "12 dossiers décidés : 3 subventions accordées pour 50 400,00 €, 9 refus." */
  @Transactional(readOnly = true)
  public String summary(String callReference) {
    List<AwardDecision> list = awards.findByCallReferenceOrderByApplicationReference(callReference);
    long granted = list.stream().filter(AwardDecision::isGranted).count();
    BigDecimal total = list.stream().filter(AwardDecision::isGranted).map(AwardDecision::getAmount)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    return list.size() + " dossier(s) décidé(s) : " + granted + " subvention(s) accordée(s) pour "
        + Money.format(total) + ", " + (list.size() - granted) + " refus.";
  }

  /** The granted decision of a dossier, if any (what a grant agreement is drafted from). */
  @Transactional(readOnly = true)
  public Optional<AwardDecision> grantedDecision(String applicationReference) {
    return awards.findByApplicationReference(applicationReference).filter(AwardDecision::isGranted);
  }

  @Transactional(readOnly = true)
  public List<AwardDecision> awards(String callReference) {
    return awards.findByCallReferenceOrderByApplicationReference(callReference);
  }

  @Transactional(readOnly = true)
  public List<Deliberation> deliberations(String callReference) {
    return deliberations.findByCallReferenceOrderByIdAsc(callReference);
  }
}
