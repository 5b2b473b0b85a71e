package fr.pasdecalais.habitat.aap.call;

import static fr.pasdecalais.habitat.aap.call.CallProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.JsonVariables;
import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The service tasks of {@code call-for-projects} handled by the call capability: input → one service call → output. */
public final class CallDelegates {

  private CallDelegates() {}

  /** "Publier l'appel". */
  @Component("publishCallDelegate")
  public static class PublishCall implements JavaDelegate {
    private final CallProcessService service;

    public PublishCall(CallProcessService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String reference = (String) execution.getVariable(VAR_CALL_REFERENCE);
      CallProcessService.PublishedCall call = service.publish(reference == null ? null : reference.trim());
      execution.setVariable(VAR_CALL_REFERENCE, call.reference());
      execution.setVariable(VAR_REFERENCE, call.reference());
      execution.setVariable(VAR_CALL_ID, call.callId());
      execution.setVariable(VAR_CALL_TITLE, call.title());
      execution.setVariable(VAR_DECIDING_BODY, call.decidingBody().name());
      execution.setVariable(VAR_DECIDING_BODY_LABEL, call.decidingBody().label());
      execution.setVariable(VAR_LOT_CODES, new ArrayList<>(call.lotCodes()));
      execution.setVariable(VAR_ENVELOPE_LABEL, call.envelopeLabel());
      execution.setVariable(VAR_JURY_CANDIDATES, JsonVariables.json(call.juryCandidates()));
      execution.setVariable(VAR_JURY_MEMBERS, JsonVariables.json(call.juryMembers()));
    }
  }

  /** "Préparer les dates du lot": the lot's window, local to the lot's branch, for its timers. */
  @Component("lotWindowDelegate")
  public static class LotWindow implements JavaDelegate {
    private final CallProcessService service;

    public LotWindow(CallProcessService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      CallProcessService.LotWindow w = service.lotWindow((String) execution.getVariable(VAR_CALL_REFERENCE),
          (String) execution.getVariable(VAR_LOT_CODE));
      execution.setVariableLocal(VAR_LOT_OPENS_AT, w.opensAtIso());
      execution.setVariableLocal(VAR_LOT_CLOSES_AT, w.closesAtIso());
      execution.setVariableLocal(VAR_LOT_WINDOW_LABEL, w.label());
    }
  }

  /** "Ouvrir le lot". */
  @Component("openLotDelegate")
  public static class OpenLot implements JavaDelegate {
    private final CallProcessService service;

    public OpenLot(CallProcessService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      service.openLot((String) execution.getVariable(VAR_CALL_REFERENCE), (String) execution.getVariable(VAR_LOT_CODE));
    }
  }

  /** "Clore le lot". */
  @Component("closeLotDelegate")
  public static class CloseLot implements JavaDelegate {
    private final CallProcessService service;

    public CloseLot(CallProcessService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      int told = service.closeLot((String) execution.getVariable(VAR_CALL_REFERENCE),
          (String) execution.getVariable(VAR_LOT_CODE));
      execution.setVariableLocal("deadlinePassedNotified", told);
    }
  }

  /** "Compter les candidatures". */
  @Component("countCandidatesDelegate")
  public static class CountCandidates implements JavaDelegate {
    private final CallProcessService service;

    public CountCandidates(CallProcessService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      long count = service.countActiveApplications((String) execution.getVariable(VAR_CALL_REFERENCE));
      execution.setVariable(VAR_CANDIDATE_COUNT, count);
      execution.setVariable(VAR_HAS_CANDIDATES, count > 0);
    }
  }

  /** "Convoquer le jury": the session of the form, sent to the dossiers. */
  @Component("conveneJuryDelegate")
  public static class ConveneJury implements JavaDelegate {
    private final CallProcessService service;

    public ConveneJury(CallProcessService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      OffsetDateTime sessionAt = FormValues.dateTime(execution.getVariable(VAR_JURY_SESSION_DATE), LocalTime.of(9, 0));
      OffsetDateTime deadline = FormValues.dateTime(execution.getVariable(VAR_OPINION_DEADLINE), LocalTime.of(23, 59, 59));
      JurySession session = service.conveneJury((String) execution.getVariable(VAR_CALL_REFERENCE), sessionAt, deadline,
          FormValues.strings(execution.getVariable(VAR_JURY_MEMBERS)), null);
      execution.setVariable(VAR_JURY_SESSION_ID, session.getId());
      execution.setVariable(VAR_OPINION_DEADLINE_ISO, ParisDateTime.iso(deadline));
      execution.setVariable(VAR_OPINION_REMINDER_ISO, ParisDateTime.iso(deadline.minusDays(2)));
      execution.setVariable("opinionDeadlineLabel", ParisDateTime.french(deadline));
    }
  }

  /** "Relancer les membres du jury". */
  @Component("remindJuryDelegate")
  public static class RemindJury implements JavaDelegate {
    private final CallProcessService service;

    public RemindJury(CallProcessService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      service.remindJury(((Number) execution.getVariable(VAR_JURY_SESSION_ID)).longValue());
    }
  }

}
