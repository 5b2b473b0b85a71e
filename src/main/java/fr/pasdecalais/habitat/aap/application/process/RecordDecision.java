package fr.pasdecalais.habitat.aap.application.process;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.application.Decisions;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer la décision". */
@Component
public class RecordDecision implements JavaDelegate {
  private final Decisions service;

  public RecordDecision(Decisions service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Number award = (Number) execution.getVariable(VAR_AWARD_DECISION_ID);
    execution.setVariable(ProcessContract.VAR_NOTIFICATION_ID, service.recordDecision(ApplicationExecution.applicationId(execution),
        Boolean.TRUE.equals(execution.getVariable(VAR_GRANTED)), award == null ? null : award.longValue(),
        (String) execution.getVariable(VAR_DECISION_LABEL)));
  }
}
