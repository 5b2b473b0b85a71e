package fr.pasdecalais.habitat.aap.call.process;

import static fr.pasdecalais.habitat.aap.call.process.CallProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.call.CallProcessService;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Préparer la relance du jury": stores one notification per member; the multi-instance send task
 * "Relancer les membres du jury" ({@code sendNotification}) sends each in a retried job of its own.
 */
@Component
public class RemindJury implements JavaDelegate {
  private final CallProcessService service;

  public RemindJury(CallProcessService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(VAR_JURY_REMINDER_IDS,
        new ArrayList<>(service.remindJury(((Number) execution.getVariable(VAR_JURY_SESSION_ID)).longValue())));
  }
}
