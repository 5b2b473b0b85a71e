package fr.pasdecalais.habitat.aap.application;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.application.ApplicationService.Submission;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.identity.Actors;
import fr.pasdecalais.habitat.aap.identity.EngineAsSystem;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.shared.FrenchFormat;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallLot;
import fr.pasdecalais.habitat.aap.call.FundingCalculator;
import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.DomainException.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submission of a dossier (API or registration of a dossier received by post): checks, the call's
 * counter and reference, the holder slot, the membership refusal, and "Déclarer le dossier irrecevable".
 */
@Service
public class Submissions {

  private final ApplicationRepository applications;
  private final OrganizationRepository organizations;
  private final OrganizationMemberships memberships;
  private final ApplicationCounterRepository counters;
  private final ApplicationNotifications notifications;
  private final ApplicationTimeline timeline;
  private final CallCatalog calls;
  private final RuntimeService runtime;
  private final EngineAsSystem engine;
  private final Validator validator;
  private final FundingCalculator calculator;
  private final org.springframework.transaction.support.TransactionTemplate newTransaction;

  public Submissions(ApplicationRepository applications, OrganizationRepository organizations,
      OrganizationMemberships memberships, ApplicationCounterRepository counters,
      ApplicationNotifications notifications, ApplicationTimeline timeline, CallCatalog calls, RuntimeService runtime,
      EngineAsSystem engine, Validator validator,
      org.springframework.transaction.PlatformTransactionManager transactions, FundingCalculator calculator) {
    this.calculator = calculator;
    this.newTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.applications = applications;
    this.organizations = organizations;
    this.memberships = memberships;
    this.counters = counters;
    this.notifications = notifications;
    this.timeline = timeline;
    this.calls = calls;
    this.runtime = runtime;
    this.engine = engine;
    this.validator = validator;
  }

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
    if (lot.getOpensAt() == null) {
      throw DomainException.conflict("L'appel « " + call.getReference() + " » n'est pas encore ouvert aux candidatures : "
          + "il ouvrira à sa publication.");
    }
    // the rule's maximum for the units requested (and the lot's envelope): refused before anything is stored
    calculator.excess(lot.fundingRule(), request.requestedAmount(),
        request.requestedUnits() == null ? null : java.math.BigDecimal.valueOf(request.requestedUnits()), lot.getBudget())
        .ifPresent(why -> {
          throw DomainException.invalid("requestedAmount", "Le montant demandé " + why + ".");
        });
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
    org.declareHolderType(o.holderTypeCode());
    org = organizations.save(org); // identity key: the row is inserted, it has its id
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

  private Application get(long applicationId) {
    return timeline.get(applicationId);
  }

  private void log(Application a, String actor, String type, String description) {
    timeline.log(a, actor, type, description);
  }
}
