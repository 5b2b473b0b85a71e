package fr.pasdecalais.habitat.aap.jury;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each juror's scores for a page of dossiers, for the agents' exports (never shown to partners:
 * the export checks who asks before it reads here).
 */
@Service
public class JuryScoresReading {

  private final JuryOpinionRepository opinions;

  public JuryScoresReading(JuryOpinionRepository opinions) {
    this.opinions = opinions;
  }

  /**
   * A juror's opinion on a dossier: status ({@code PENDING}, {@code SUBMITTED}, {@code ABSTAINED}),
   * the French avis, the score per criterion code and the weighted score out of 100.
   */
  public record JurorScores(String member, String status, String avis, Map<String, Integer> scores,
      BigDecimal weightedScore) {}

  /** Dossier id → its jurors' opinions, in member order. */
  @Transactional(readOnly = true)
  public Map<Long, List<JurorScores>> ofApplications(Collection<Long> applicationIds) {
    if (applicationIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, List<JurorScores>> result = new HashMap<>();
    for (JuryOpinion o : opinions.findByApplicationIdInOrderByMemberId(applicationIds)) {
      result.computeIfAbsent(o.getApplicationId(), k -> new ArrayList<>()).add(new JurorScores(o.getMemberId(),
          o.getStatus().name(), o.getAvis() == null ? null : o.getAvis().label(), new LinkedHashMap<>(o.getScores()),
          o.getWeightedScore()));
    }
    return result;
  }
}
