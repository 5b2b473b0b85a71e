package fr.pasdecalais.habitat.aap.application.process;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.application.Instruction;
import fr.pasdecalais.habitat.aap.identity.Actors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of "Attendre les pièces": the agent recorded pieces received by post. */
@Component
public class PiecesReceivedByAgent implements TaskListener {
  private final Instruction service;

  public PiecesReceivedByAgent(Instruction service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    service.piecesReceivedByAgent(((Number) task.getVariable(VAR_APPLICATION_ID)).longValue(),
        task.getAssignee() == null ? Actors.SYSTEM : task.getAssignee(), (String) task.getVariable(VAR_PIECES_COMMENT));
  }
}
