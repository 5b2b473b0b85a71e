package fr.pasdecalais.habitat.aap.application.process;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.application.JuryStep;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Ouvrir l'examen par le jury". */
@Component
public class OpenJuryReview implements JavaDelegate {
  private final JuryStep service;

  public OpenJuryReview(JuryStep service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object members = execution.getVariable(VAR_JURY_MEMBERS);
    if (!(members instanceof List<?> list) || list.isEmpty()) {
      throw new IllegalStateException("Variable juryMembers absente ou vide : le jury doit compter au moins un membre.");
    }
    Number session = (Number) execution.getVariable(VAR_JURY_SESSION_ID);
    service.openJuryReview(ApplicationExecution.applicationId(execution), session == null ? null : session.longValue(),
        list.stream().map(String::valueOf).toList());
  }
}
