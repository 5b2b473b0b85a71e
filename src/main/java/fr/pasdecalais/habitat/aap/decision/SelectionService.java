package fr.pasdecalais.habitat.aap.decision;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.Money;
import com.fasterxml.jackson.databind.JsonNode;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallLot;
import fr.pasdecalais.habitat.aap.call.CandidateSource.Candidate;
import fr.pasdecalais.habitat.aap.call.Candidates;
import fr.pasdecalais.habitat.aap.call.SelectionMode;
import fr.pasdecalais.habitat.aap.call.FundingCalculator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The jury's synthesis: candidates ranked by weighted score with a proposed amount, then the
 * proposals the agent submits, checked (each dossier within its lot's funding rule for its units,
 * the total granted in a lot within its envelope) and stored.
 */
@Service
public class SelectionService {

  public static final String FAVORABLE = "FAVORABLE";
  public static final String RESERVE = "RESERVE";
  public static final String DEFAVORABLE = "DEFAVORABLE";
  /** The recommendation of a call selected without a jury: the agents' proposal alone. */
  public static final String WITHOUT_JURY = "SANS_JURY";

  private final CallCatalog catalog;
  private final Candidates candidates;
  private final SelectionProposalRepository proposals;
  private final FundingCalculator calculator;

  public SelectionService(CallCatalog catalog, Candidates candidates, SelectionProposalRepository proposals,
      FundingCalculator calculator) {
    this.calculator = calculator;
    this.catalog = catalog;
    this.candidates = candidates;
    this.proposals = proposals;
  }

  /** One line of the synthesis form. */
  public record ProposalLine(Long applicationId, String applicationReference, String organizationName,
      String lotCode, BigDecimal weightedScore, int rank, BigDecimal requestedAmount, String recommendation,
      boolean granted, BigDecimal proposedAmount, Integer proposedUnits, String reason) {}

  /** A synthesis the form must show again, with the reason. */
  public static class SynthesisRefusedException extends RuntimeException {
    public SynthesisRefusedException(String message) {
      super(message);
    }
  }

  /**
   * "Calculer le classement": the candidates by lot, best weighted score first; a dossier already
   * in a previous synthesis keeps what was proposed; otherwise the jury's recommendation follows
   * the score (≥ 60 favorable, ≥ 40 réservé, below défavorable) and the proposal is the request.
   */
  @Transactional(readOnly = true)
  public List<ProposalLine> ranking(String callReference) {
    return ranking(callReference, null);
  }

  /**
   * As {@link #ranking(String)} for one lot decided at its close ({@code lotCode}; null: every lot).
   * A call selected without a jury has no score: each eligible dossier is proposed at its request,
   * the agents adjust it ({@link #WITHOUT_JURY}).
   */
  @Transactional(readOnly = true)
  public List<ProposalLine> ranking(String callReference, String lotCode) {
    boolean withoutJury = catalog.getByReference(callReference).getSelectionMode() == SelectionMode.WITHOUT_JURY;
    Map<String, Integer> rankInLot = new HashMap<>();
    List<ProposalLine> lines = new ArrayList<>();
    for (Candidate c : candidates.candidates(callReference, lotCode)) {
      int rank = rankInLot.merge(c.lotCode(), 1, Integer::sum);
      var previous = proposals.findByCallReferenceAndApplicationReference(callReference, c.reference());
      if (previous.isPresent()) {
        SelectionProposal p = previous.get();
        lines.add(new ProposalLine(c.applicationId(), c.reference(), c.organizationName(), c.lotCode(),
            c.weightedScore(), rank, c.requestedAmount(), p.getRecommendation(), p.isGranted(), p.getProposedAmount(),
            p.getProposedUnits(), p.getReason()));
        continue;
      }
      String recommendation = withoutJury ? WITHOUT_JURY : recommendation(c.weightedScore());
      boolean granted = FAVORABLE.equals(recommendation) || withoutJury;
      BigDecimal requested = c.requestedAmount() == null ? BigDecimal.ZERO.setScale(2) : c.requestedAmount();
      lines.add(new ProposalLine(c.applicationId(), c.reference(), c.organizationName(), c.lotCode(),
          c.weightedScore(), rank, c.requestedAmount(), recommendation, granted,
          granted ? requested : BigDecimal.ZERO.setScale(2), granted ? c.requestedUnits() : null,
          granted || withoutJury ? null : "Avis " + (RESERVE.equals(recommendation) ? "réservé" : "défavorable") + " du jury"));
    }
    return lines;
  }

  static String recommendation(BigDecimal score) {
    if (score == null) {
      return RESERVE;
    }
    if (score.compareTo(BigDecimal.valueOf(60)) >= 0) {
      return FAVORABLE;
    }
    return score.compareTo(BigDecimal.valueOf(40)) >= 0 ? RESERVE : DEFAVORABLE;
  }

  /**
   * "Vérifier l'enveloppe": reads the submitted proposals (the form's list), refuses them with a
   * French message when a line is wrong or a lot's total exceeds its envelope, else stores them.
   * Returns a French summary. A refusal writes nothing and must not doom the process's transaction.
   */
  @Transactional(noRollbackFor = SynthesisRefusedException.class)
  public String checkAndStore(String callReference, JsonNode submitted) {
    return checkAndStore(callReference, null, submitted);
  }

  /** As {@link #checkAndStore(String, JsonNode)} for the dossiers of one lot ({@code lotCode}; null: every lot). */
  @Transactional(noRollbackFor = SynthesisRefusedException.class)
  public String checkAndStore(String callReference, String lotCode, JsonNode submitted) {
    CallForProjects call = catalog.getByReference(callReference);
    boolean withoutJury = call.getSelectionMode() == SelectionMode.WITHOUT_JURY;
    Map<String, Candidate> known = new LinkedHashMap<>();
    candidates.candidates(callReference, lotCode).forEach(c -> known.put(c.reference(), c));
    List<String> problems = new ArrayList<>();
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    List<Object[]> parsed = new ArrayList<>();
    if (submitted == null || !submitted.isArray()) {
      throw new SynthesisRefusedException("La synthèse ne contient aucune proposition.");
    }
    for (JsonNode n : submitted) {
      String ref = n.path("applicationReference").asText();
      Candidate c = known.get(ref);
      if (c == null) {
        problems.add("Le dossier « " + ref + " » n'est pas un dossier " + (withoutJury ? "retenu à l'instruction" : "examiné par le jury")
            + (lotCode == null ? " de cet appel." : " du lot " + lotCode + "."));
        continue;
      }
      boolean granted = n.path("granted").asBoolean(false);
      BigDecimal amount = n.hasNonNull("proposedAmount") ? n.get("proposedAmount").decimalValue().setScale(2, RoundingMode.HALF_UP)
          : BigDecimal.ZERO.setScale(2);
      Integer units = n.hasNonNull("proposedUnits") ? n.get("proposedUnits").asInt() : null;
      String reason = n.hasNonNull("reason") ? n.get("reason").asText().trim() : null;
      String recommendation = withoutJury ? WITHOUT_JURY
          : n.hasNonNull("recommendation") ? n.get("recommendation").asText() : recommendation(c.weightedScore());
      if (amount.signum() < 0) {
        problems.add(ref + " : le montant proposé ne peut être négatif.");
      }
      if (granted && amount.signum() <= 0) {
        problems.add(ref + " : un dossier retenu doit avoir un montant proposé strictement positif.");
      }
      if (!granted && (reason == null || reason.isBlank())) {
        problems.add(ref + " : indiquez le motif du refus proposé.");
      }
      if (granted) {
        totals.merge(c.lotCode(), amount, BigDecimal::add);
        // per dossier: the lot's rule for the units proposed (else requested), and the lot's envelope
        Integer u = units != null ? units : c.requestedUnits();
        call.lot(c.lotCode()).ifPresent(lot -> calculator.excess(lot.fundingRule(), amount,
            u == null ? null : BigDecimal.valueOf(u), lot.getBudget())
            .ifPresent(why -> problems.add(ref + " : le montant proposé " + why + ".")));
      }
      parsed.add(new Object[] {c, granted, granted ? amount : BigDecimal.ZERO.setScale(2), granted ? units : null, reason, recommendation});
    }
    for (Candidate c : known.values()) {
      if (parsed.stream().noneMatch(p -> ((Candidate) p[0]).reference().equals(c.reference()))) {
        problems.add("Le dossier « " + c.reference() + " » (" + c.organizationName() + ") manque dans la synthèse.");
      }
    }
    for (Map.Entry<String, BigDecimal> e : totals.entrySet()) {
      CallLot lot = call.lot(e.getKey()).orElseThrow();
      if (e.getValue().compareTo(lot.getBudget()) > 0) {
        problems.add("Le total proposé pour le lot « " + lot.getLabel() + " » (" + Money.format(e.getValue())
            + ") dépasse l'enveloppe du lot (" + Money.format(lot.getBudget()) + ") de "
            + Money.format(e.getValue().subtract(lot.getBudget())) + ".");
      }
    }
    if (!problems.isEmpty()) {
      throw new SynthesisRefusedException("Synthèse refusée : " + String.join(" ", problems));
    }
    Map<String, Integer> rankInLot = new HashMap<>();
    int grantedCount = 0;
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (Object[] p : parsed) {
      Candidate c = (Candidate) p[0];
      int rank = rankInLot.merge(c.lotCode(), 1, Integer::sum);
      SelectionProposal proposal = proposals.findByCallReferenceAndApplicationReference(callReference, c.reference())
          .orElseGet(() -> new SelectionProposal(callReference, c.applicationId(), c.reference(), c.lotCode(),
              c.organizationName()));
      proposal.update(c.weightedScore(), rank, (String) p[5], (Boolean) p[1], (BigDecimal) p[2], (Integer) p[3],
          (String) p[4], EngineClock.now());
      proposals.save(proposal);
      if ((Boolean) p[1]) {
        grantedCount++;
        total = total.add((BigDecimal) p[2]);
      }
    }
    return parsed.size() + " dossier(s) : " + grantedCount + " proposé(s) pour un total de " + Money.format(total)
        + ", " + (parsed.size() - grantedCount) + " refus proposé(s). Enveloppe : "
        + (lotCode == null ? fr.pasdecalais.habitat.aap.call.CallProcessService.envelopeLabel(call)
            : lotCode + " : " + Money.format(call.lot(lotCode).orElseThrow().getBudget())) + ".";
  }

  @Transactional(readOnly = true)
  public List<SelectionProposal> proposals(String callReference) {
    return proposals.findByCallReferenceOrderByLotCodeAscRankAsc(callReference);
  }
}
