package fr.pasdecalais.habitat.aap.application;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.identity.Actors;
import fr.pasdecalais.habitat.aap.identity.EngineAsSystem;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.shared.FrenchFormat;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallLot;
import fr.pasdecalais.habitat.aap.call.RequiredDocument;
import fr.pasdecalais.habitat.aap.call.Territory;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instruction of a dossier: completeness and regularisation (pieces received), eligibility.
 * Each method is one step of the {@code instruction} process, or an API action.
 */
@Service
public class Instruction {

  private final RegularizationRequestRepository regularizations;
  private final ApplicationNotifications notifications;
  private final ApplicationTimeline timeline;
  private final CallCatalog calls;
  private final org.camunda.bpm.engine.TaskService taskService;
  private final EngineAsSystem engine;

  public Instruction(RegularizationRequestRepository regularizations, ApplicationNotifications notifications,
      ApplicationTimeline timeline, CallCatalog calls, org.camunda.bpm.engine.TaskService taskService,
      EngineAsSystem engine) {
    this.regularizations = regularizations;
    this.notifications = notifications;
    this.timeline = timeline;
    this.calls = calls;
    this.taskService = taskService;
    this.engine = engine;
  }

  /** What a completeness check decided. */
  public record CompletenessResult(CompletenessOutcome outcome, Long notificationId, Date deadline) {}

  /**
   * Step "Enregistrer le résultat de la complétude": complete → eligibility; incomplete before the
   * deadline → a regularisation request (notified); incomplete after it → rejection.
   */
  @Transactional
  public CompletenessResult recordCompleteness(long applicationId, boolean complete, Collection<String> missing,
      String reasonCode, String comment, String actor) {
    Application a = get(applicationId);
    CallForProjects call = calls.getByReference(a.getCallReference());
    CallLot lot = call.lot(a.getLotCode()).orElseThrow();
    Instant now = EngineClock.now();
    List<RegularizationRequest> open = regularizations.findByApplicationIdAndStatus(a.getId(), RegularizationRequest.Status.OPEN);
    if (complete) {
      open.forEach(r -> r.close(RegularizationRequest.Status.ANSWERED, now));
      a.moveTo(ApplicationState.COMPLETE, now);
      log(a, actor, "COMPLETUDE", "Dossier déclaré complet.");
      return new CompletenessResult(CompletenessOutcome.COMPLETE, null, null);
    }
    // only the pieces this holder is asked (a piece for another holder type is no piece of this dossier)
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    call.requiredDocumentsFor(a.getOrganization().getDeclaredHolderType().orElse(null))
        .forEach(d -> labels.put(d.getCode(), d.getLabel()));
    Set<String> pieces = new LinkedHashSet<>(missing == null ? List.of() : missing);
    if (pieces.isEmpty()) {
      throw new IllegalArgumentException("Dossier incomplet sans pièce désignée : cochez au moins une pièce manquante.");
    }
    for (String p : pieces) {
      if (!labels.containsKey(p)) {
        throw new IllegalArgumentException("La pièce « " + p + " » n'est pas dans la liste des pièces de l'appel "
            + "demandées à ce porteur.");
      }
    }
    RegularizationRequest.Reason reason = reasonCode == null || reasonCode.isBlank()
        ? RegularizationRequest.Reason.MISSING : RegularizationRequest.Reason.valueOf(reasonCode);
    List<String> pieceLabels = pieces.stream().map(labels::get).toList();
    Instant deadline = lot.getClosesAt().toInstant();
    if (!now.isBefore(deadline)) {
      open.forEach(r -> r.close(RegularizationRequest.Status.EXPIRED, now));
      log(a, actor, "COMPLETUDE", "Dossier incomplet après la date limite (" + reason.label() + ") : "
          + String.join(", ", pieceLabels) + ". Régularisation impossible.");
      return new CompletenessResult(CompletenessOutcome.TOO_LATE, null, null);
    }
    open.forEach(r -> r.close(RegularizationRequest.Status.ANSWERED, now));
    regularizations.save(new RegularizationRequest(a.getId(), now, actor, deadline, reason, blankToNull(comment), pieces));
    a.moveTo(ApplicationState.REGULARIZATION, now);
    log(a, actor, "REGULARISATION", "Régularisation demandée (" + reason.label() + ") : " + String.join(", ", pieceLabels)
        + ", avant le " + FrenchFormat.dateTime(deadline) + ".");
    long notificationId = notifications.regularization(a, call.getTitle(), pieceLabels, reason.label(), comment, deadline).getId();
    return new CompletenessResult(CompletenessOutcome.REGULARIZATION, notificationId, Date.from(deadline));
  }

  /** Step "Rejeter le dossier incomplet": the deadline passed with pieces missing. */
  @Transactional
  public long rejectIncomplete(long applicationId) {
    Application a = get(applicationId);
    Instant now = EngineClock.now();
    regularizations.findByApplicationIdAndStatus(a.getId(), RegularizationRequest.Status.OPEN)
        .forEach(r -> r.close(RegularizationRequest.Status.EXPIRED, now));
    a.moveTo(ApplicationState.REJECTED_INCOMPLETE, now);
    log(a, Actors.SYSTEM, "REJET_INCOMPLET", "Rejeté : dossier incomplet à la date limite.");
    return notifications.rejectedIncomplete(a, calls.getByReference(a.getCallReference()).getTitle()).getId();
  }

  /**
   * API for instructors: pieces arrived by post or e-mail ("pièces reçues"), the same as completing
   * the Tasklist task "Attendre les pièces". Twice, or concurrently: one wins, the other gets a 409.
   */
  @Transactional
  public void piecesReceived(String reference, String comment, Caller caller, ApplicationAccess access) {
    Application a = access.actionable(reference, caller);
    if (!caller.isInstructor()) {
      throw DomainException.forbidden("Seuls les instructeurs enregistrent des pièces reçues par courrier.");
    }
    org.camunda.bpm.engine.TaskService tasks = taskService;
    org.camunda.bpm.engine.task.Task task = engine.call(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(a.getReference()).taskDefinitionKey(TASK_AWAIT_PIECES).singleResult());
    if (task == null) {
      throw piecesNotAwaited(reference);
    }
    try {
      engine.run(() -> {
        tasks.setAssignee(task.getId(), caller.userId());
        tasks.complete(task.getId(), Map.of("piecesComment", comment == null || comment.isBlank()
            ? "Pièces reçues (enregistrées par l'API)" : comment));
      });
    } catch (org.camunda.bpm.engine.exception.NullValueException | org.camunda.bpm.engine.exception.NotFoundException e) {
      throw piecesNotAwaited(reference);
    }
  }

  private static DomainException piecesNotAwaited(String reference) {
    return new DomainException(DomainException.Kind.CONFLICT, "Tâche déjà traitée", "Le dossier « " + reference
        + " » n'attend pas de pièces : la tâche « Attendre les pièces » a déjà été traitée ou le dossier est à une autre étape.");
  }

  /** An agent recorded pieces received by post ("pièces reçues"). */
  @Transactional
  public void piecesReceivedByAgent(long applicationId, String actor, String comment) {
    log(get(applicationId), actor, "PIECES_RECUES", "Pièces reçues par courrier ou courriel"
        + (comment == null || comment.isBlank() ? "." : " : " + comment));
  }

  public Map<String, String> documentLabels(CallForProjects call) {
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    for (RequiredDocument d : call.getRequiredDocuments()) {
      labels.put(d.getCode(), d.getLabel());
    }
    return labels;
  }

  // ---------------------------------------------------------------- eligibility

  /** The automatic checks shown to the agent. */
  public record EligibilityChecks(boolean eligible, List<String> lines) {
    public String text() {
      return String.join("\n", lines);
    }
  }

  @Transactional(readOnly = true)
  public EligibilityChecks eligibilityChecks(long applicationId) {
    Application a = get(applicationId);
    CallForProjects call = calls.getByReference(a.getCallReference());
    CallLot lot = call.lot(a.getLotCode()).orElseThrow();
    Organization org = a.getOrganization();
    List<String> lines = new ArrayList<>();
    boolean ok = true;
    if (call.getEligibleHolderTypes().isEmpty()) {
      lines.add("✔ Type de porteur : aucune restriction (" + org.getHolderType() + ").");
    } else if (call.getEligibleHolderTypes().stream().anyMatch(t -> same(t, org.getHolderType()))) {
      lines.add("✔ Type de porteur : « " + org.getHolderType() + " » fait partie des porteurs éligibles.");
    } else {
      ok = false;
      lines.add("✘ Type de porteur : « " + org.getHolderType() + " » ne fait pas partie des porteurs éligibles ("
          + String.join(" ; ", call.getEligibleHolderTypes()) + ").");
    }
    List<String> missingApprovals = call.getRequiredAgrements().stream()
        .filter(req -> org.getApprovals().stream().noneMatch(h -> same(h, req))).toList();
    if (call.getRequiredAgrements().isEmpty()) {
      lines.add("✔ Agrément : aucun agrément requis.");
    } else if (missingApprovals.isEmpty()) {
      lines.add("✔ Agrément : " + String.join(" ; ", call.getRequiredAgrements()) + ".");
    } else {
      ok = false;
      lines.add("✘ Agrément manquant : " + String.join(" ; ", missingApprovals) + ".");
    }
    List<String> outside = a.getTerritories().stream().filter(t -> !within(t, lot.getTerritories())).toList();
    if (outside.isEmpty()) {
      lines.add("✔ Territoire : " + String.join(", ", a.getTerritories()) + " dans le périmètre du lot ("
          + String.join(", ", lot.getTerritories()) + ").");
    } else {
      ok = false;
      lines.add("✘ Territoire hors du périmètre du lot (" + String.join(", ", lot.getTerritories()) + ") : "
          + String.join(", ", outside) + ".");
    }
    return new EligibilityChecks(ok, lines);
  }

  private boolean within(String territory, List<String> perimeter) {
    String code = territory;
    for (int depth = 0; code != null && depth < 10; depth++) {
      if (perimeter.contains(code)) {
        return true;
      }
      code = calls.territory(code).map(Territory::getParentCode).orElse(null);
    }
    return false;
  }

  private static boolean same(String a, String b) {
    return a != null && b != null && a.trim().equalsIgnoreCase(b.trim());
  }

  /** Step "Enregistrer l'éligibilité": returns the notification to send when ineligible. */
  @Transactional
  public Optional<Long> recordEligibility(long applicationId, boolean eligible, boolean autoEligible, String reason,
      String actor) {
    Application a = get(applicationId);
    Instant now = EngineClock.now();
    String overridden = eligible != autoEligible ? " (contrôles automatiques " + (autoEligible ? "favorables" : "défavorables")
        + ", décision contraire de l'instructeur)" : "";
    a.eligibilityDecided(blankToNull(reason));
    if (eligible) {
      a.moveTo(ApplicationState.ELIGIBLE, now);
      log(a, actor, "ELIGIBILITE", "Dossier éligible" + overridden + (reason == null || reason.isBlank() ? "." : " : " + reason));
      return Optional.empty();
    }
    a.moveTo(ApplicationState.INELIGIBLE, now);
    log(a, actor, "INELIGIBLE", "Dossier inéligible" + overridden + " : " + reason);
    return Optional.of(notifications.ineligible(a, calls.getByReference(a.getCallReference()).getTitle(),
        reason == null || reason.isBlank() ? "non précisé" : reason).getId());
  }

  private Application get(long applicationId) {
    return timeline.get(applicationId);
  }

  private void log(Application a, String actor, String type, String description) {
    timeline.log(a, actor, type, description);
  }

  private static String blankToNull(String s) {
    return ApplicationTimeline.blankToNull(s);
  }
}
