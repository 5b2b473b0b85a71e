package fr.pasdecalais.habitat.aap.decision;

import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.Money;
import fr.pasdecalais.habitat.aap.agreement.AgreementReading;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallProcess;
import fr.pasdecalais.habitat.aap.call.CallReview;
import fr.pasdecalais.habitat.aap.call.CallReviewRepository;
import fr.pasdecalais.habitat.aap.call.CallStatus;
import fr.pasdecalais.habitat.aap.call.DecidingBody;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deciding body's act (Commission Permanente deliberation or Préfet's decision), the award
 * decisions it makes (one per dossier of the synthesis, sent to each dossier's process), and the
 * final review of the call.
 */
@Service
public class DeliberationService {

  private final CallCatalog catalog;
  private final DeliberationRepository deliberations;
  private final SelectionProposalRepository proposals;
  private final AwardDecisionRepository awards;
  private final CallReviewRepository reviews;
  private final RuntimeService runtime;
  private final ObjectProvider<AgreementReading> agreementsReading;

  public DeliberationService(CallCatalog catalog, DeliberationRepository deliberations,
      SelectionProposalRepository proposals, AwardDecisionRepository awards, CallReviewRepository reviews,
      RuntimeService runtime, ObjectProvider<AgreementReading> agreementsReading) {
    this.agreementsReading = agreementsReading;
    this.catalog = catalog;
    this.deliberations = deliberations;
    this.proposals = proposals;
    this.awards = awards;
    this.reviews = reviews;
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
    d = deliberations.save(d);
    if (d.isAdopted()) {
      catalog.moveTo(callReference, CallStatus.DECIDED);
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
   * the call is IN_EXECUTION. Returns a French summary for the final review.
   */
  @Transactional
  public String awardAndNotify(String callReference, Long deliberationId) {
    Deliberation d = deliberations.findById(deliberationId).orElseThrow(() -> new IllegalArgumentException(
        "La délibération " + deliberationId + " n'existe pas."));
    if (!d.isAdopted()) {
      throw new IllegalStateException("La " + d.frenchLabel() + " n'est pas adoptée : aucune décision à notifier.");
    }
    String label = d.frenchLabel();
    for (SelectionProposal p : proposals.findByCallReferenceOrderByLotCodeAscRankAsc(callReference)) {
      AwardDecision award = awards.findByApplicationReference(p.getApplicationReference())
          .orElseGet(() -> awards.save(new AwardDecision(d, p, EngineClock.now())));
      runtime.createMessageCorrelation(ProcessContract.MSG_DECISION)
          .processInstanceBusinessKey(award.getApplicationReference())
          .setVariable("granted", award.isGranted())
          .setVariable("awardDecisionId", award.getId())
          .setVariable("decisionLabel", award.frenchLabel(label))
          .correlateAllWithResult();
    }
    catalog.moveTo(callReference, CallStatus.IN_EXECUTION);
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

  /**
   * "Vérifier les dossiers en cours": whether a dossier of the call still runs ({@code application}
   * instances with its {@code callReference}), and when none does, the French summary the final
   * review shows: decisions, then what the conventions paid and recovered.
   */
  @Transactional(readOnly = true)
  public ExecutionCheck executionCheck(String callReference) {
    boolean active = runtime.createProcessInstanceQuery()
        .processDefinitionKey(CallProcess.APPLICATION_PROCESS_KEY)
        .variableValueEquals(ProcessContract.VAR_CALL_REFERENCE, callReference)
        .active().count() > 0;
    if (active) {
      return new ExecutionCheck(true, null);
    }
    String summary = summary(callReference);
    AgreementReading reading = agreementsReading.getIfAvailable();
    if (reading != null) {
      AgreementReading.CallTotals t = reading.callTotals(callReference);
      summary += " Conventions : " + t.agreements() + ", montant conventionné " + Money.format(t.granted())
          + ", versé " + Money.format(t.paid()) + ", reversé " + Money.format(t.recovered()) + ".";
      summary += indicatorsSummary(callReference, reading.indicatorTotals(callReference));
    }
    return new ExecutionCheck(false, summary);
  }

  /** "Indicateurs (bilans finaux approuvés) : Ménages accompagnés : 18 (2 bilans) ; …", in the call's order. */
  private String indicatorsSummary(String callReference, Map<String, AgreementReading.IndicatorTotal> totals) {
    if (totals.isEmpty()) {
      return " Indicateurs : aucun bilan final approuvé.";
    }
    CallForProjects call = catalog.getByReference(callReference);
    List<String> parts = new ArrayList<>();
    for (var indicator : call.getIndicators()) {
      AgreementReading.IndicatorTotal t = totals.get(indicator.getCode());
      if (t != null) {
        parts.add(indicator.getLabel() + " : " + t.sum().stripTrailingZeros().toPlainString()
            + (indicator.getUnit() == null ? "" : " " + indicator.getUnit())
            + " (" + t.reports() + (t.reports() > 1 ? " bilans)" : " bilan)"));
      }
    }
    return parts.isEmpty() ? " Indicateurs : aucune valeur chiffrée dans les bilans finaux approuvés."
        : " Indicateurs (bilans finaux approuvés) : " + String.join(" ; ", parts) + ".";
  }

  /** Whether dossiers still run; the review summary once none does. */
  public record ExecutionCheck(boolean activeApplications, String reviewSummary) {}

  /** "Solder l'appel": the final review is stored and the call is CLOSED_OUT. */
  @Transactional
  public CallReview closeOut(String callReference, String comment, String reviewer) {
    CallForProjects call = catalog.getByReference(callReference);
    List<AwardDecision> list = awards.findByCallReferenceOrderByApplicationReference(callReference);
    BigDecimal total = list.stream().filter(AwardDecision::isGranted).map(AwardDecision::getAmount)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    int granted = (int) list.stream().filter(AwardDecision::isGranted).count();
    AgreementReading reading = agreementsReading.getIfAvailable();
    AgreementReading.CallTotals totals = reading == null ? null : reading.callTotals(callReference);
    CallReview review = reviews.findByCallId(call.getId()).orElseGet(() -> reviews.save(new CallReview(call.getId(),
        total, totals == null ? null : totals.paid(), totals == null ? null : totals.recovered(), granted, list.size() - granted, comment == null || comment.isBlank() ? "(sans commentaire)" : comment,
        reviewer, EngineClock.now())));
    catalog.moveTo(callReference, CallStatus.CLOSED_OUT);
    return review;
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
