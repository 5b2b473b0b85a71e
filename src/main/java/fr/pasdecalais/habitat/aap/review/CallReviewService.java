package fr.pasdecalais.habitat.aap.review;

import fr.pasdecalais.habitat.aap.agreement.AgreementReading;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallStatus;
import fr.pasdecalais.habitat.aap.call.Candidates;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.decision.AwardDecision;
import fr.pasdecalais.habitat.aap.decision.DeliberationService;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.Money;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The call's final review ("Établir le bilan de l'appel", "Solder l'appel"): whether dossiers still
 * run, the French summary of decisions, conventions and indicators, and the stored review. It sits
 * above {@code decision} and {@code agreement}, reading both through their services.
 */
@Service
public class CallReviewService {

  private final CallCatalog catalog;
  private final DeliberationService deliberations;
  private final AgreementReading agreements;
  private final CallReviewRepository reviews;
  private final RuntimeService runtime;
  private final Candidates candidates;

  public CallReviewService(CallCatalog catalog, DeliberationService deliberations, AgreementReading agreements,
      CallReviewRepository reviews, RuntimeService runtime, Candidates candidates) {
    this.candidates = candidates;
    this.catalog = catalog;
    this.deliberations = deliberations;
    this.agreements = agreements;
    this.reviews = reviews;
    this.runtime = runtime;
  }

  /**
   * "Vérifier les dossiers en cours": whether a dossier of the call still runs ({@code application}
   * instances with its {@code callReference}), and when none does, the French summary the final
   * review shows: decisions, then what the conventions paid and recovered. What a dossier's end
   * locks before it sends {@code Message_ApplicationEnded} is locked first ({@link Candidates#holdEndings}),
   * so that a dossier ending at the same time is either counted as ended here or finds the call
   * waiting at "Fin d'un dossier".
   */
  @Transactional
  public ExecutionCheck executionCheck(String callReference) {
    candidates.holdEndings(callReference);
    boolean active = runtime.createProcessInstanceQuery()
        .processDefinitionKey(CallProcess.APPLICATION_PROCESS_KEY)
        .variableValueEquals(ProcessContract.VAR_CALL_REFERENCE, callReference)
        .active().count() > 0;
    if (active) {
      return new ExecutionCheck(true, null);
    }
    String summary = deliberations.summary(callReference);
    AgreementReading.CallTotals t = agreements.callTotals(callReference);
    summary += " Conventions : " + t.agreements() + ", montant conventionné " + Money.format(t.granted())
        + ", versé " + Money.format(t.paid()) + ", reversé " + Money.format(t.recovered())
        + (t.toRecover().signum() > 0 ? ", reste à recouvrer " + Money.format(t.toRecover()) : "") + ".";
    summary += indicatorsSummary(callReference, agreements.approvedFinalReports(callReference),
        agreements.indicatorTotals(callReference));
    return new ExecutionCheck(false, summary);
  }

  /** "Indicateurs (bilans finaux approuvés) : Ménages accompagnés : 18 (2 bilans) ; …", in the call's order. */
  private String indicatorsSummary(String callReference, int approvedFinalReports,
      Map<String, AgreementReading.IndicatorTotal> totals) {
    if (approvedFinalReports == 0) {
      return " Indicateurs : aucun bilan final approuvé.";
    }
    String approved = " Bilans finaux approuvés : " + approvedFinalReports + ".";
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
    return approved + (parts.isEmpty() ? " Indicateurs : aucune valeur chiffrée dans les bilans finaux approuvés."
        : " Indicateurs (bilans finaux approuvés) : " + String.join(" ; ", parts) + ".");
  }

  /** Whether dossiers still run; the review summary once none does. */
  public record ExecutionCheck(boolean activeApplications, String reviewSummary) {}

  /** "Solder l'appel": the final review is stored and the call is CLOSED_OUT. */
  @Transactional
  public CallReview closeOut(String callReference, String comment, String reviewer) {
    CallForProjects call = catalog.getByReference(callReference);
    List<AwardDecision> list = deliberations.awards(callReference);
    BigDecimal total = list.stream().filter(AwardDecision::isGranted).map(AwardDecision::getAmount)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    int granted = (int) list.stream().filter(AwardDecision::isGranted).count();
    AgreementReading.CallTotals totals = agreements.callTotals(callReference);
    CallReview review = reviews.findByCallId(call.getId()).orElseGet(() -> reviews.save(new CallReview(call.getId(),
        total, totals == null ? null : totals.paid(), totals == null ? null : totals.recovered(), granted, list.size() - granted, comment == null || comment.isBlank() ? "(sans commentaire)" : comment,
        reviewer, EngineClock.now())));
    catalog.moveTo(callReference, CallStatus.CLOSED_OUT);
    return review;
  }
}
