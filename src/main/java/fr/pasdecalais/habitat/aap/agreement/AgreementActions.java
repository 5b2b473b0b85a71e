package fr.pasdecalais.habitat.aap.agreement;

import static fr.pasdecalais.habitat.aap.agreement.AgreementDates.french;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.ReportFrequency;
import fr.pasdecalais.habitat.aap.call.ReportingMilestone;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.identity.EngineAsCaller;
import fr.pasdecalais.habitat.aap.identity.EngineAsSystem;
import fr.pasdecalais.habitat.aap.reporting.Report;
import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an agent starts on a convention in force, through {@code /api} or the Tasklist start forms
 * ({@code agreement.process.Request*}): an avenant, a mise en demeure, a résiliation, an on-demand
 * report, a paper report received. Each is a message of {@code grant-agreement.bpmn} (or the
 * completion of the report's receipt task) and is refused, before anything changes, when the
 * convention's process does not wait for it: unknown convention (404), not in force, a notice
 * already running, nothing awaited (409).
 */
@Service
public class AgreementActions {

  private final GrantAgreementRepository agreements;
  private final AmendmentRepository amendments;
  private final CallCatalog calls;
  private final ReportingService reporting;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final EngineAsSystem engine;
  private final EngineAsCaller asCaller;

  public AgreementActions(GrantAgreementRepository agreements, AmendmentRepository amendments, CallCatalog calls,
      ReportingService reporting, RuntimeService runtime, TaskService tasks, EngineAsSystem engine,
      EngineAsCaller asCaller) {
    this.asCaller = asCaller;
    this.agreements = agreements;
    this.amendments = amendments;
    this.calls = calls;
    this.reporting = reporting;
    this.runtime = runtime;
    this.tasks = tasks;
    this.engine = engine;
  }

  /** The convention by its number ({@code CONV-…}) or its dossier's reference; 404 otherwise. */
  public GrantAgreement find(String number) {
    String reference = number != null && number.startsWith("CONV-") ? number.substring(5) : number;
    return agreements.findByApplicationReference(reference).filter(a -> a.getNumber().equals(number)
        || a.getApplicationReference().equals(number)).orElseThrow(() -> DomainException.notFound(
            "La convention « " + number + " » n'existe pas."));
  }

  /** The convention's process, waiting inside "Exécution de la convention"; 409 otherwise. */
  private ProcessInstance inForce(GrantAgreement a) {
    if (a.getStatus() != AgreementStatus.SIGNED) {
      throw DomainException.conflict("La convention " + a.getNumber() + " n'est pas en vigueur ("
          + statusLabel(a.getStatus()) + ") : aucune action n'est possible sur elle.");
    }
    ProcessInstance pi = engine.call(() -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(GrantAgreementProcess.KEY).processInstanceBusinessKey(a.getApplicationReference())
        .active().singleResult());
    if (pi == null || !waits(pi, GrantAgreementProcess.MSG_AMENDMENT_REQUESTED)) {
      throw DomainException.conflict("La convention " + a.getNumber() + " n'est pas en cours d'exécution : "
          + "elle n'attend ni avenant, ni mise en demeure, ni résiliation.");
    }
    return pi;
  }

  private boolean waits(ProcessInstance pi, String message) {
    return engine.call(() -> runtime.createEventSubscriptionQuery().processInstanceId(pi.getId())
        .eventType("message").eventName(message).count() > 0);
  }

  private static String statusLabel(AgreementStatus s) {
    return switch (s) {
      case DRAFT -> "en préparation, pas encore signée";
      case SIGNED -> "en vigueur";
      case CLOSED -> "soldée et close";
      case TERMINATED -> "résiliée";
    };
  }

  /** "Demander un avenant": the avenant is registered and "Instruire l'avenant" appears. */
  public Amendment requestAmendment(String number, String reason, Caller caller) {
    GrantAgreement a = find(number);
    String why = required(reason, "reason", "Le motif de l'avenant est obligatoire.");
    ProcessInstance pi = inForce(a);
    if (amendments.findByAgreementIdOrderBySequenceNumberAsc(a.getId()).stream()
        .anyMatch(m -> m.getStatus() == AmendmentStatus.REQUESTED)) {
      throw DomainException.conflict("Un avenant de la convention " + a.getNumber() + " est déjà en cours "
          + "d'instruction : il doit être décidé avant d'en demander un autre.");
    }
    engine.run(() -> runtime.createMessageCorrelation(GrantAgreementProcess.MSG_AMENDMENT_REQUESTED)
        .processInstanceId(pi.getId())
        .setVariable(GrantAgreementProcess.VAR_AMENDMENT_REASON, why)
        .correlateWithResult());
    List<Amendment> all = amendments.findByAgreementIdOrderBySequenceNumberAsc(a.getId());
    return all.get(all.size() - 1);
  }

  /** "Mettre en demeure": the letter is stored and sent, two months to remedy. */
  public GrantAgreement issueFormalNotice(String number, String reason, Caller caller) {
    GrantAgreement a = find(number);
    String why = required(reason, "reason", "Le manquement constaté est obligatoire.");
    ProcessInstance pi = inForce(a);
    if (a.getNoticeSentOn() != null || noticeRunning(pi)) {
      throw DomainException.conflict("Une mise en demeure de la convention " + a.getNumber() + " court déjà"
          + (a.getNoticeSentOn() == null ? "" : " depuis le " + french(a.getNoticeSentOn())) + ".");
    }
    engine.run(() -> runtime.createMessageCorrelation(GrantAgreementProcess.MSG_TERMINATION_NOTICE)
        .processInstanceId(pi.getId())
        .setVariable(GrantAgreementProcess.VAR_TERMINATION_REASON, why)
        .correlateWithResult());
    return agreements.getExisting(a.getId());
  }

  private boolean noticeRunning(ProcessInstance pi) {
    return engine.call(() -> runtime.createExecutionQuery().processInstanceId(pi.getId())
        .activityId(GrantAgreementProcess.EVENT_NOTICE_REMEDIED).count() > 0);
  }

  /** "Lever la mise en demeure": the operator remedied; 409 when no notice runs. */
  public GrantAgreement remedyFormalNotice(String number, Caller caller) {
    GrantAgreement a = find(number);
    ProcessInstance pi = inForce(a);
    if (!waits(pi, GrantAgreementProcess.MSG_NOTICE_REMEDIED)) {
      throw DomainException.conflict("Aucune mise en demeure de la convention " + a.getNumber() + " n'attend de "
          + "régularisation.");
    }
    engine.run(() -> runtime.createMessageCorrelation(GrantAgreementProcess.MSG_NOTICE_REMEDIED)
        .processInstanceId(pi.getId()).correlateWithResult());
    return agreements.getExisting(a.getId());
  }

  /** "Résilier la convention": execution stops, "Arrêter les dépenses justifiées" appears. */
  public GrantAgreement terminate(String number, String reason, Caller caller) {
    GrantAgreement a = find(number);
    String why = required(reason, "reason", "Le motif de la résiliation est obligatoire.");
    ProcessInstance pi = inForce(a);
    engine.run(() -> runtime.createMessageCorrelation(GrantAgreementProcess.MSG_TERMINATION_REQUESTED)
        .processInstanceId(pi.getId())
        .setVariable(GrantAgreementProcess.VAR_TERMINATION_REASON, why)
        .correlateWithResult());
    return agreements.getExisting(a.getId());
  }

  /**
   * "Demander un bilan" (a report the call says may be asked for at any time): due on the given
   * date, or after the milestone's delay. 400 when the call has no such report or the date is past.
   */
  @Transactional
  public Report requestReport(String number, String code, LocalDate dueOn, Caller caller) {
    GrantAgreement a = find(number);
    List<ReportingMilestone> onDemand = calls.getByReference(a.getCallReference()).getReporting().stream()
        .filter(m -> m.getFrequency() == ReportFrequency.ON_DEMAND).toList();
    if (onDemand.isEmpty()) {
      throw DomainException.invalid("code", "L'appel de la convention " + a.getNumber()
          + " ne prévoit pas de bilan demandé à tout moment.");
    }
    ReportingMilestone m = code == null || code.isBlank() ? onDemand.get(0) : onDemand.stream()
        .filter(x -> x.getCode().equals(code.trim())).findFirst().orElseThrow(() -> DomainException.invalid("code",
            "Bilan « " + code + " » inconnu : l'appel prévoit à la demande "
                + String.join(", ", onDemand.stream().map(ReportingMilestone::getCode).toList()) + "."));
    LocalDate today = EngineClock.today();
    LocalDate due = dueOn != null ? dueOn : today.plusDays(m.getDelayDays() == null ? 30 : m.getDelayDays());
    if (!due.isAfter(today)) {
      throw DomainException.invalid("dueOn", "La date d'échéance (" + french(due) + ") doit être après aujourd'hui.");
    }
    ProcessInstance pi = inForce(a);
    Report r = reporting.request(a.getId(), m.getCode(), m.getLabel(), due, caller.userId());
    engine.run(() -> runtime.createMessageCorrelation(GrantAgreementProcess.MSG_REPORT_REQUESTED)
        .processInstanceId(pi.getId())
        .setVariableLocal(GrantAgreementProcess.VAR_REPORT_ID, r.getId())
        .setVariableLocal(GrantAgreementProcess.VAR_REPORT_LABEL, r.title())
        .setVariableLocal(GrantAgreementProcess.VAR_REPORT_DUE_LABEL, french(due))
        .correlateWithResult());
    return r;
  }

  /** A paper report received: what "Réceptionner le bilan …" takes. */
  public record PaperReport(Long reportId, LocalDate receivedOn, String summary, Map<String, Object> indicators,
      String decision) {}

  /**
   * Records a report received on paper by completing its receipt task as the caller (the completion
   * rules apply: 400 with the fields). 409 when no receipt task awaits it (not due yet, or already received).
   */
  @Transactional
  public Report recordPaperReport(String number, PaperReport body, Caller caller) {
    GrantAgreement a = find(number);
    if (body == null || body.receivedOn() == null) {
      throw DomainException.invalid("receivedOn", "La date de réception du bilan est obligatoire.");
    }
    List<Task> open = engine.call(() -> tasks.createTaskQuery().processInstanceBusinessKey(a.getApplicationReference())
        .processDefinitionKey(GrantAgreementProcess.KEY)
        .taskDefinitionKeyIn(GrantAgreementProcess.TASK_RECEIVE_INTERIM, GrantAgreementProcess.TASK_RECEIVE_REQUESTED,
            GrantAgreementProcess.TASK_RECEIVE_FINAL)
        .orderByTaskCreateTime().asc().list());
    Task task = null;
    Number reportId = null;
    for (Task t : open) {
      String variable = GrantAgreementProcess.TASK_RECEIVE_FINAL.equals(t.getTaskDefinitionKey())
          ? GrantAgreementProcess.VAR_FINAL_REPORT_ID : GrantAgreementProcess.VAR_REPORT_ID;
      Number id = engine.call(() -> (Number) tasks.getVariable(t.getId(), variable));
      if (id != null && (body.reportId() == null || body.reportId().equals(id.longValue()))) {
        task = t;
        reportId = id;
        break;
      }
    }
    if (task == null) {
      throw DomainException.conflict("Aucun bilan " + (body.reportId() == null ? "" : "n° " + body.reportId() + " ")
          + "de la convention " + a.getNumber() + " n'est attendu en réception : il n'est pas encore dû, ou il est "
          + "déjà enregistré.");
    }
    VariableMap vars = Variables.createVariables()
        .putValue(GrantAgreementProcess.VAR_REPORT_RECEIVED_ON, body.receivedOn().toString())
        .putValue(GrantAgreementProcess.VAR_REPORT_SUMMARY, body.summary());
    String chosenExecution = task.getExecutionId();
    if (GrantAgreementProcess.TASK_RECEIVE_FINAL.equals(task.getTaskDefinitionKey())) {
      String indicators = engine.call(() -> String.valueOf(runtime.getVariable(chosenExecution,
          GrantAgreementProcess.VAR_INDICATORS)));
      vars.putValueTyped(GrantAgreementProcess.VAR_INDICATORS, SpinValues.jsonValue(
          AgreementFormService.fillIndicators(indicators, body.indicators() == null ? Map.of() : body.indicators()))
          .create());
      vars.putValue(GrantAgreementProcess.VAR_FINAL_REPORT_DECISION, body.decision());
    }
    Task chosen = task;
    if (chosen.getAssignee() != null && !chosen.getAssignee().equals(caller.userId())) {
      throw DomainException.conflict("La réception de ce bilan est prise en charge par " + chosen.getAssignee()
          + " dans Tasklist.");
    }
    // as the caller, so that the task's completion rules apply and the caller is who completed it
    asCaller.run(caller, () -> {
      if (chosen.getAssignee() == null) {
        tasks.claim(chosen.getId(), caller.userId());
      }
      tasks.complete(chosen.getId(), vars);
    });
    return reporting.get(reportId);
  }

  private static String required(String value, String field, String message) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field, message);
    }
    if (value.length() > 2000) {
      throw DomainException.invalid(field, "Le texte ne peut dépasser 2000 caractères.");
    }
    return value.trim();
  }

  /** The reports of a convention by milestone, for the answer of a request. */
  public static Map<String, Object> view(Report r) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", r.getId());
    v.put("code", r.getCode());
    v.put("title", r.title());
    v.put("kind", r.getKind().name());
    v.put("dueOn", r.getDueOn());
    v.put("status", r.getStatus().name());
    v.put("receivedOn", r.getReceivedOn());
    v.put("late", r.isLate());
    return v;
  }

}
