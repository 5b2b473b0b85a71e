package fr.pasdecalais.habitat.aap.jury;

import fr.pasdecalais.habitat.aap.application.ApplicationReading.OpinionView;
import fr.pasdecalais.habitat.aap.application.JuryOpinionSource;
import java.util.List;
import org.springframework.stereotype.Component;

/** The jury's side of {@link JuryOpinionSource}: a dossier's opinions as its page shows them. */
@Component
public class JuryOpinionsOfDossier implements JuryOpinionSource {

  private final JuryService jury;

  public JuryOpinionsOfDossier(JuryService jury) {
    this.jury = jury;
  }

  @Override
  public List<OpinionView> opinions(long applicationId) {
    return jury.opinions(applicationId).stream().map(op -> new OpinionView(op.getMemberId(), op.getStatus().name(),
        op.getAvis() == null ? null : op.getAvis().label(), op.getScores(), op.getWeightedScore(), op.getComment(),
        op.getConflictReason(), op.getSubmittedAt())).toList();
  }

  @Override
  public String progress(long applicationId) {
    return jury.progress(applicationId);
  }
}
