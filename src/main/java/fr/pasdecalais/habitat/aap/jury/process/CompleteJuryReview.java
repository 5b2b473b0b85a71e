package fr.pasdecalais.habitat.aap.jury.process;

import fr.pasdecalais.habitat.aap.jury.JuryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Calculer la note pondérée" once every member has given (or declined) an opinion. */
@Component
public class CompleteJuryReview implements JavaDelegate {
  private final JuryService jury;

  public CompleteJuryReview(JuryService jury) {
    this.jury = jury;
  }

  @Override
  public void execute(DelegateExecution execution) {
    jury.completeReview(JuryExecution.applicationId(execution));
  }
}
