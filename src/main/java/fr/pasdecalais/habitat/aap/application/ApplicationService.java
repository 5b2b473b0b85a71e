package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
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
import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import fr.pasdecalais.habitat.aap.call.RequiredDocument;
import fr.pasdecalais.habitat.aap.call.Territory;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.DomainException.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a dossier: submission (API or registration of a dossier received by post),
 * completeness and regularisation, eligibility, jury, decision, withdrawal. Each method is one
 * step of the {@code application} / {@code instruction} processes, or an API action.
 *
 * <p>Why it is over 300 lines: every step writes the dossier and its timeline under the same
 * state rules ({@link ApplicationState}); splitting submission from instruction and decision is
 * planned (issue 11 did not reach it) and would move those rules to one place first.
 */
@Service
public class ApplicationService {

  private final ApplicationRepository applications;
  private final OrganizationRepository organizations;
  private final OrganizationMemberships memberships;
  private final ApplicationEventRepository events;
  private final RegularizationRequestRepository regularizations;
  private final ApplicationCounterRepository counters;
  private final ApplicationNotifications notifications;
  private final CallCatalog calls;
  private final RuntimeService runtime;
  private final org.camunda.bpm.engine.TaskService taskService;
  private final EngineAsSystem engine;
  private final Validator validator;
  private final org.springframework.transaction.support.TransactionTemplate newTransaction;

  public ApplicationService(ApplicationRepository applications, OrganizationRepository organizations,
      OrganizationMemberships memberships, ApplicationEventRepository events,
      RegularizationRequestRepository regularizations, ApplicationCounterRepository counters,
      ApplicationNotifications notifications, CallCatalog calls, RuntimeService runtime,
      org.camunda.bpm.engine.TaskService taskService, EngineAsSystem engine, Validator validator,
      org.springframework.transaction.PlatformTransactionManager transactions) {
    this.taskService = taskService;
    this.newTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.applications = applications;
    this.organizations = organizations;
    this.memberships = memberships;
    this.events = events;
    this.regularizations = regularizations;
    this.counters = counters;
    this.notifications = notifications;
    this.calls = calls;
    this.runtime = runtime;
    this.engine = engine;
    this.validator = validator;
  }


  /** What a submission produced: the dossier, and whether it came after the closing. */
  public record Submission(Application application, boolean late, Instant closesAt) {}

  // ---------------------------------------------------------------- submission

  /** API submission: records the dossier and starts its process, in one transaction. */
  @Transactional
  public Submission submit(String callReference, ApplicationRequest request, Caller caller) {
    Submission s = record(callReference, request, Application.Channel.API, EngineClock.now(), caller);
    Application a = s.application();
    ProcessInstance pi = engine.call(() -> runtime.createProcessInstanceByKey(KEY)
        .businessKey(a.getReference())
        .setVariables(processVariables(a, s.late()))
        .execute());
    a.attachProcess(pi.getProcessInstanceId());
    return s;
  }

  /** The variables every {@code application} instance carries (see docs/architecture.md). */
  public Map<String, Object> processVariables(Application a, boolean late) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(VAR_REFERENCE, a.getReference());
    vars.put(VAR_APPLICATION_ID, a.getId());
    vars.put(VAR_CALL_REFERENCE, a.getCallReference());
    vars.put(VAR_CALL_ID, a.getCallId());
    vars.put(VAR_LOT_CODE, a.getLotCode());
    vars.put(VAR_ORGANIZATION_NAME, a.getOrganization().getName());
    vars.put(VAR_LATE, late);
    return vars;
  }

  /**
   * Checks and stores a dossier (without starting a process: the Tasklist start form has already
   * started it). 404 unknown call or lot (a draft call for anybody but agents), 400 invalid fields,
   * 409 before the opening or duplicate, 403 when a partner account submits for an organisation it
   * does not act for (a membership request then goes to the instructeurs, see {@link OrganizationMemberships}).
   */
  @Transactional
  public Submission record(String callReference, ApplicationRequest request, Application.Channel channel,
      Instant receivedAt, Caller caller) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<ApplicationRequest> v : validator.validate(request)) {
      problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage()));
    }
    if (request.requestedAmount() == null && request.requestedUnits() == null) {
      problems.add(new FieldProblem("requestedAmount", "Indiquez le montant demandé ou le nombre d'unités demandées."));
    }
    // a draft is the service's work in progress: anybody but an agent gets the 404 of an unknown call
    CallForProjects call = calls.getVisible(callReference, caller.isAgent());
    if (request.territories() != null && request.territories().size() <= ApplicationRequest.MAX_LIST) {
      for (int i = 0; i < request.territories().size(); i++) {
        String code = request.territories().get(i);
        if (code != null && !code.isBlank() && calls.territory(code).isEmpty()) {
          problems.add(new FieldProblem("territories[" + i + "]", "Le territoire « " + code + " » n'existe pas."));
        }
      }
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field));
      throw DomainException.invalid(problems);
    }
    CallLot lot = lot(call, request.lotCode());
    if (receivedAt.isBefore(lot.getOpensAt().toInstant())) {
      throw DomainException.conflict("L'appel « " + call.getReference() + " » n'est pas encore ouvert aux candidatures : "
          + "ouverture le " + ParisDateTime.french(lot.getOpensAt()) + ".");
    }
    // one submission to a call at a time from here on (the call's counter row is locked until commit): the
    // duplicate check below is then exact, and two filings of one organisation never update it together
    ApplicationCounter counter = lockCounter(call.getReference());
    ApplicationRequest.OrganizationData o = request.organization();
    Instant now = EngineClock.now();
    Organization org = organizations.findBySiret(o.siret()).orElse(null);
    if (caller.isPartner() && !caller.isAgent()
        && (org == null || !memberships.isMember(caller.userId(), org.getId()))) {
      // membership is granted by an agent, never taken by filing: refused, and a request goes to the instructeurs
      throw memberships.refuseFiling(caller.userId(), o, call.getReference());
    }
    DomainException duplicate = DomainException.conflict("L'organisme SIRET " + o.siret() + " a déjà un dossier en cours sur le lot « "
        + lot.getLabel() + " » de l'appel « " + call.getReference() + " », qui n'admet qu'un dossier par porteur.");
    if (!call.isAllowsMultipleApplications() && applications.countBySiretAndLotExcludingStates(o.siret(), lot.getId(),
        ApplicationState.FINAL) > 0) {
      throw duplicate;
    }
    if (org == null) {
      org = new Organization(o.siret(), now);
    }
    org.update(o.name().trim(), o.legalForm().trim(), o.holderType().trim(), new LinkedHashSet<>(o.approvals()),
        o.street().trim(), o.postalCode(), o.city().trim(), o.email().trim(), o.legalRepresentative().trim());
    org = organizations.save(org);
    String reference = String.format(Locale.ROOT, "%s-%04d", call.getReference(), counter.next());
    Application created = new Application(reference, call.getId(), call.getReference(), lot.getId(),
        lot.getCode(), org, new LinkedHashSet<>(request.territories()), request.requestedAmount(),
        request.requestedUnits(), request.summary().trim(), channel, receivedAt, caller.userId(), now);
    if (!call.isAllowsMultipleApplications()) {
      created.takeHolderSlot();
    }
    Application a;
    try {
      a = applications.saveAndFlush(created);
    } catch (org.springframework.dao.DataIntegrityViolationException e) {
      throw duplicate; // the database's unique slot: another node filed the same holder at the same instant
    }
    boolean late = receivedAt.isAfter(lot.getClosesAt().toInstant());
    log(a, caller.userId(), "DEPOT", (channel == Application.Channel.API ? "Candidature déposée en ligne"
        : "Candidature reçue par courrier ou courriel, enregistrée") + " le " + FrenchFormat.dateTime(receivedAt)
        + " (lot « " + lot.getLabel() + " »).");
    return new Submission(a, late, lot.getClosesAt().toInstant());
  }

  /**
   * Locks the call's counter row, creating it first if this is the call's first dossier: the creation runs
   * in a transaction of its own, so that two first filings at once do not both insert it.
   */
  private ApplicationCounter lockCounter(String callReference) {
    if (counters.findById(callReference).isEmpty()) {
      try {
        newTransaction.executeWithoutResult(s -> counters.saveAndFlush(new ApplicationCounter(callReference)));
      } catch (org.springframework.dao.DataIntegrityViolationException e) {
        // the other filing created it: lock it as it is
      }
    }
    return counters.lock(callReference).orElseThrow();
  }

  private static CallLot lot(CallForProjects call, String lotCode) {
    if (lotCode == null || lotCode.isBlank()) {
      if (call.getLots().size() == 1) {
        return call.getLots().get(0);
      }
      throw DomainException.invalid("lotCode", "L'appel « " + call.getReference() + " » a plusieurs lots : indiquez le lot ("
          + String.join(", ", call.getLots().stream().map(CallLot::getCode).toList()) + ").");
    }
    return call.lot(lotCode).orElseThrow(() -> DomainException.notFound(
        "L'appel « " + call.getReference() + " » n'a pas de lot « " + lotCode + " »."));
  }

  /** Step "Déclarer le dossier irrecevable": the dossier came after the closing. */
  @Transactional
  public long declareLate(long applicationId) {
    Application a = get(applicationId);
    CallForProjects call = calls.getByReference(a.getCallReference());
    Instant closesAt = call.lot(a.getLotCode()).orElseThrow().getClosesAt().toInstant();
    a.moveTo(ApplicationState.LATE, EngineClock.now());
    log(a, Actors.SYSTEM, "IRRECEVABLE", "Dossier irrecevable : reçu le " + FrenchFormat.dateTime(a.getReceivedAt())
        + ", après la clôture du " + FrenchFormat.dateTime(closesAt) + ".");
    return notifications.late(a, call.getTitle(), closesAt).getId();
  }

  // ---------------------------------------------------------------- completeness

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
    Map<String, String> labels = documentLabels(call);
    Set<String> pieces = new LinkedHashSet<>(missing == null ? List.of() : missing);
    if (pieces.isEmpty()) {
      throw new IllegalArgumentException("Dossier incomplet sans pièce désignée : cochez au moins une pièce manquante.");
    }
    for (String p : pieces) {
      if (!labels.containsKey(p)) {
        throw new IllegalArgumentException("La pièce « " + p + " » n'est pas dans la liste des pièces de l'appel.");
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

  // ---------------------------------------------------------------- jury and decision

  /** Step "Ouvrir l'examen par le jury". */
  @Transactional
  public void openJuryReview(long applicationId, Long jurySessionId, List<String> juryMembers) {
    Application a = get(applicationId);
    a.juryConvened(jurySessionId);
    a.moveTo(ApplicationState.UNDER_JURY_REVIEW, EngineClock.now());
    log(a, Actors.SYSTEM, "JURY", "Jury réuni : " + juryMembers.size() + " avis attendus (" + String.join(", ", juryMembers) + ").");
  }

  /**
   * The jury has given every opinion on the dossier: its score, and {@code Message_AllOpinionsIn}
   * to the call when no dossier of the session is still under review. The call's counter row is
   * locked so that two dossiers finishing at once cannot both miss the last one.
   */
  @Transactional
  public void recordJuryResult(long applicationId, java.math.BigDecimal weightedScore, String progress) {
    Application a = get(applicationId);
    a.scored(weightedScore);
    a.moveTo(ApplicationState.OPINIONS_IN, EngineClock.now());
    log(a, Actors.SYSTEM, "AVIS_COMPLETS", "Tous les avis sont rendus (" + progress + ")"
        + (weightedScore == null ? " ; aucune note (abstentions)." : " ; note pondérée " + weightedScore.toPlainString().replace('.', ',') + " / 100."));
    signalIfSessionComplete(a);
  }

  private void signalIfSessionComplete(Application a) {
    if (a.getJurySessionId() == null) {
      return;
    }
    counters.lock(a.getCallReference());
    // a session belongs to one call: only that call's dossiers count
    boolean stillUnderReview = applications.findByJurySessionId(a.getJurySessionId()).stream()
        .filter(other -> other.getCallReference().equals(a.getCallReference()))
        .anyMatch(other -> other.getState() == ApplicationState.UNDER_JURY_REVIEW && !other.getId().equals(a.getId()));
    if (!stillUnderReview) {
      runtime.createMessageCorrelation(MSG_ALL_OPINIONS_IN).processInstanceBusinessKey(a.getCallReference())
          .correlateAllWithResult();
    }
  }

  /** Step "Enregistrer la décision": returns the notification to send. */
  @Transactional
  public long recordDecision(long applicationId, boolean granted, Long awardDecisionId, String label) {
    Application a = get(applicationId);
    Instant now = EngineClock.now();
    a.decided(granted, awardDecisionId, label, now);
    a.moveTo(granted ? ApplicationState.GRANTED : ApplicationState.REFUSED, now);
    log(a, Actors.SYSTEM, "DECISION", (granted ? "Subvention accordée" : "Subvention refusée")
        + (label == null || label.isBlank() ? "." : " : " + label));
    String title = calls.getByReference(a.getCallReference()).getTitle();
    return (granted ? notifications.granted(a, title, label) : notifications.refused(a, title, label)).getId();
  }

  // ---------------------------------------------------------------- withdrawal

  /** API: the applicant or an agent withdraws the dossier before the decision. */
  @Transactional
  public Application withdraw(String reference, String reason, Caller caller, ApplicationAccess access) {
    // the dossier's row is locked before it is read: a second withdrawal at the same instant waits, then
    // finds it withdrawn (409) instead of racing the first one through the engine
    applications.lockByReference(reference);
    Application a = access.actionable(reference, caller);
    if (ApplicationState.FINAL.contains(a.getState()) || ApplicationState.DECIDED.contains(a.getState())) {
      throw new DomainException(DomainException.Kind.CONFLICT, "Désistement impossible", "Le dossier « " + reference
          + " » est à l'état « " + a.getState().label() + " » : un désistement n'est possible qu'avant la décision.");
    }
    List<?> result = engine.call(() -> runtime.createMessageCorrelation(MSG_WITHDRAWAL)
        .processInstanceBusinessKey(reference)
        .setVariable(VAR_WITHDRAWAL_REASON, reason)
        .setVariable(VAR_WITHDRAWN_BY, caller.userId())
        .correlateAllWithResult());
    if (result.isEmpty()) {
      throw DomainException.conflict("Le dossier « " + reference + " » n'a pas de procédure en cours : désistement impossible.");
    }
    return a;
  }

  /** Step "Enregistrer le désistement": returns the notification to send. */
  @Transactional
  public long recordWithdrawal(long applicationId, String reason, String actor) {
    Application a = get(applicationId);
    boolean wasUnderReview = a.getState() == ApplicationState.UNDER_JURY_REVIEW;
    a.withdrawn(blankToNull(reason));
    a.moveTo(ApplicationState.WITHDRAWN, EngineClock.now());
    if (wasUnderReview) {
      signalIfSessionComplete(a);
    }
    log(a, actor == null ? Actors.SYSTEM : actor, "DESISTEMENT", "Désistement" + (reason == null || reason.isBlank() ? "." : " : " + reason));
    return notifications.withdrawn(a, calls.getByReference(a.getCallReference()).getTitle(), reason).getId();
  }

  // ---------------------------------------------------------------- helpers

  @Transactional
  public void attachProcess(long applicationId, String processInstanceId) {
    get(applicationId).attachProcess(processInstanceId);
  }

  @Transactional(readOnly = true)
  public Optional<Application> find(long applicationId) {
    return applications.findById(applicationId);
  }

  @Transactional(readOnly = true)
  public Application get(long applicationId) {
    return applications.findById(applicationId)
        .orElseThrow(() -> new IllegalStateException("Dossier " + applicationId + " introuvable"));
  }

  @Transactional
  public void log(Application a, String actor, String type, String description) {
    events.save(new ApplicationEvent(a.getId(), EngineClock.now(), actor, type, description));
  }

  @Transactional
  public void log(long applicationId, String actor, String type, String description) {
    log(get(applicationId), actor, type, description);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
