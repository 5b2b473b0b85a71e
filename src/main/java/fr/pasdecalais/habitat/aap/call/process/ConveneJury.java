package fr.pasdecalais.habitat.aap.call.process;

import static fr.pasdecalais.habitat.aap.call.process.CallProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.call.CallProcessService;
import fr.pasdecalais.habitat.aap.call.JurySession;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Convoquer le jury": the session of the form, sent to the dossiers. */
@Component
public class ConveneJury implements JavaDelegate {
  private final CallProcessService service;

  public ConveneJury(CallProcessService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OffsetDateTime sessionAt = FormValues.dateTime(execution.getVariable(VAR_JURY_SESSION_DATE), LocalTime.of(9, 0));
    OffsetDateTime deadline = FormValues.dateTime(execution.getVariable(VAR_OPINION_DEADLINE), LocalTime.of(23, 59, 59));
    JurySession session = service.conveneJury((String) execution.getVariable(VAR_CALL_REFERENCE),
        CallProcess.selectedLot(execution), sessionAt, deadline,
        FormValues.strings(execution.getVariable(VAR_JURY_MEMBERS)), null);
    execution.setVariable(VAR_JURY_SESSION_ID, session.getId());
    execution.setVariable(VAR_OPINION_DEADLINE_ISO, ParisDateTime.iso(deadline));
    execution.setVariable(VAR_OPINION_REMINDER_ISO, ParisDateTime.iso(deadline.minusDays(2)));
  }
}
