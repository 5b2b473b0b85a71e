package fr.pasdecalais.habitat.aap.application.process;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationRequest;
import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.application.ApplicationTimeline;
import fr.pasdecalais.habitat.aap.application.Submissions;
import fr.pasdecalais.habitat.aap.identity.Actors;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la candidature reçue": a dossier that came by post or e-mail, typed by an agent in
 * the Tasklist start form. The date and time of receipt decide whether it is late. A refusal
 * (invalid field, call not open yet, duplicate) fails the start with the French reason, so that
 * Tasklist shows it and nothing is stored.
 */
@Component
public class RegisterReceivedApplication implements JavaDelegate {

  private final Submissions service;
  private final ApplicationTimeline timeline;

  public RegisterReceivedApplication(Submissions service, ApplicationTimeline timeline) {
    this.service = service;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String initiator = (String) execution.getVariable(VAR_INITIATOR);
    Caller agent = new Caller(initiator == null ? Actors.SYSTEM : initiator, Set.of(fr.pasdecalais.habitat.aap.identity.Groups.INSTRUCTEURS));
    ApplicationRequest request = new ApplicationRequest(
        new ApplicationRequest.OrganizationData(text(execution, VAR_SIRET), text(execution, VAR_ORGANIZATION_NAME),
            text(execution, VAR_LEGAL_FORM), text(execution, VAR_HOLDER_TYPE), FormValues.lines(execution.getVariable(VAR_APPROVALS)),
            text(execution, VAR_STREET), text(execution, VAR_POSTAL_CODE), text(execution, VAR_CITY), text(execution, VAR_EMAIL),
            text(execution, VAR_LEGAL_REPRESENTATIVE), text(execution, VAR_HOLDER_TYPE_CODE)),
        text(execution, VAR_LOT_CODE), FormValues.strings(execution.getVariable(VAR_TERRITORIES)),
        FormValues.amount(execution.getVariable(VAR_REQUESTED_AMOUNT)), FormValues.integer(execution.getVariable(VAR_REQUESTED_UNITS)),
        text(execution, VAR_SUMMARY));
    ApplicationService.Submission s;
    try {
      s = service.record(text(execution, VAR_CALL_REFERENCE), request, Application.Channel.POSTAL,
          receivedAt(execution.getVariable(VAR_RECEIVED_AT)), agent);
    } catch (DomainException e) {
      String fields = e.getFieldProblems().stream().map(p -> p.field() + " : " + p.message())
          .collect(Collectors.joining(" ; "));
      throw new ProcessEngineException("Candidature non enregistrée : " + (fields.isEmpty() ? e.getMessage() : fields), e);
    }
    Application a = s.application();
    execution.setProcessBusinessKey(a.getReference());
    execution.setVariables(service.processVariables(a, s.late()));
    timeline.attachProcess(a.getId(), execution.getProcessInstanceId());
  }

  private static String text(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    return v == null ? null : v.toString().trim();
  }

  /** Tasklist's datetime field gives {@code 2023-02-03T14:30} (Paris) or with an offset / {@code Z}. */
  static Instant receivedAt(Object v) {
    if (v instanceof java.util.Date d) {
      return d.toInstant();
    }
    if (v == null || v.toString().isBlank()) {
      throw new ProcessEngineException("Candidature non enregistrée : la date et l'heure de réception sont obligatoires.");
    }
    try {
      return FormValues.dateTime(v, LocalTime.MIDNIGHT).toInstant();
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("Candidature non enregistrée : date de réception « " + v.toString().trim() + " » illisible.");
    }
  }
}
