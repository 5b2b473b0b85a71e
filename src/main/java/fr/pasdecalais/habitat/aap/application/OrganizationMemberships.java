package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.application.process.MembershipProcess;
import static fr.pasdecalais.habitat.aap.application.process.MembershipProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.identity.EngineAsSystem;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.notification.NotificationKind;
import fr.pasdecalais.habitat.aap.notification.NotificationService;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.FrenchFormat;
import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which partner accounts act for which organisation. Membership is granted by an agent — through
 * the API or by accepting the task of an {@code organization-membership} process — never taken by
 * a filing: an account that files for an organisation it is not linked to is refused, and a
 * membership request (one pending at most per account and organisation) goes to the instructeurs.
 */
@Service
public class OrganizationMemberships {

  private final OrganizationRepository organizations;
  private final OrganizationMemberRepository members;
  private final MembershipRequestRepository requests;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final EngineAsSystem engine;
  private final NotificationService notifications;
  private final TransactionTemplate separateTransaction;

  public OrganizationMemberships(OrganizationRepository organizations, OrganizationMemberRepository members,
      MembershipRequestRepository requests, IdentityService identity, RuntimeService runtime, EngineAsSystem engine,
      NotificationService notifications, PlatformTransactionManager transactionManager) {
    this.organizations = organizations;
    this.members = members;
    this.requests = requests;
    this.identity = identity;
    this.runtime = runtime;
    this.engine = engine;
    this.notifications = notifications;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** A partner account linked to an organisation, as agents read it. */
  public record MemberView(String userId, String fullName, String email, OffsetDateTime grantedAt, String grantedBy) {}

  // ---------------------------------------------------------------- agents (API)

  /** The accounts acting for the organisation; 404 for an unknown SIRET. */
  @Transactional(readOnly = true)
  public List<MemberView> members(String siret) {
    Organization org = organization(siret);
    return members.findByOrganizationIdOrderByUserId(org.getId()).stream().map(this::view).toList();
  }

  /**
   * Links a partner account to the organisation. 400 no account given or an account outside
   * {@code porteurs}, 404 unknown SIRET or account, 409 already linked. A pending request of the
   * account for the organisation is settled as accepted, and its task withdrawn.
   */
  @Transactional
  public MemberView grant(String siret, String userId, String actor) {
    if (userId == null || userId.isBlank()) {
      throw DomainException.invalid("userId", "Indiquez l'identifiant du compte partenaire à rattacher.");
    }
    String account = userId.trim();
    Organization org = organization(siret);
    User user = engine.call(() -> identity.createUserQuery().userId(account).singleResult());
    if (user == null) {
      throw DomainException.notFound("Aucun compte n'a l'identifiant « " + account + " ».");
    }
    boolean partner = engine.call(() -> identity.createUserQuery().userId(account).memberOfGroup(Groups.PORTEURS).count()) > 0;
    if (!partner) {
      throw DomainException.invalid("userId", "Le compte « " + account + " » n'est pas un compte partenaire (groupe « "
          + Groups.PORTEURS + " ») : seul un compte partenaire peut être rattaché à un organisme.");
    }
    if (members.existsByUserIdAndOrganizationId(account, org.getId())) {
      throw DomainException.conflict("Le compte « " + account + " » est déjà rattaché à l'organisme « " + org.getName()
          + " » (SIRET " + org.getSiret() + ").");
    }
    Instant now = EngineClock.now();
    OrganizationMember member = members.saveAndFlush(new OrganizationMember(account, org.getId(), now, actor));
    for (MembershipRequest pending : requests.findByUserIdAndOrganizationIdAndStatus(account, org.getId(),
        MembershipRequest.Status.PENDING)) {
      pending.accept(actor, now);
      if (pending.getProcessInstanceId() != null) {
        engine.run(() -> runtime.deleteProcessInstanceIfExists(pending.getProcessInstanceId(),
            "Rattachement accordé directement par " + actor, false, true, false, false));
      }
    }
    return view(member);
  }

  /** Unlinks the account from the organisation; 404 for an unknown SIRET or an account not linked to it. */
  @Transactional
  public void revoke(String siret, String userId) {
    Organization org = organization(siret);
    OrganizationMember member = members.findById(new OrganizationMember.Key(userId, org.getId()))
        .orElseThrow(() -> DomainException.notFound("Le compte « " + userId + " » n'est pas rattaché à l'organisme « "
            + org.getName() + " » (SIRET " + org.getSiret() + ")."));
    members.delete(member);
  }

  // ---------------------------------------------------------------- filing

  /** Whether the account acts for the organisation. */
  @Transactional(readOnly = true)
  public boolean isMember(String userId, Long organizationId) {
    return members.existsByUserIdAndOrganizationId(userId, organizationId);
  }

  /**
   * A partner account filed for an organisation it does not act for: records, in a transaction of
   * its own (it must survive the refusal of the filing), the organisation when it is new and a
   * membership request with its task for the instructeurs, unless one is pending or was refused;
   * returns the 403 to answer. Two filings at once: the database's unique constraints let one
   * through; the other looks again and finds what the first recorded.
   */
  public DomainException refuseFiling(String userId, ApplicationRequest.OrganizationData data, String callReference) {
    RequestState state;
    try {
      state = separateTransaction.execute(s -> openRequest(userId, data, callReference));
    } catch (DataIntegrityViolationException concurrent) {
      try {
        state = separateTransaction.execute(s -> openRequest(userId, data, callReference));
      } catch (DataIntegrityViolationException again) {
        return DomainException.forbidden("Votre compte n'est pas rattaché à l'organisme SIRET " + data.siret()
            + " : une demande de rattachement est en cours d'enregistrement ; réessayez dans quelques instants.");
      }
    }
    return DomainException.forbidden(state.message());
  }

  private record RequestState(String organizationName, String siret, MembershipRequest request) {
    String message() {
      String start = "Votre compte n'est pas rattaché à l'organisme « " + organizationName + " » (SIRET " + siret + ")";
      if (request.getStatus() == MembershipRequest.Status.REFUSED) {
        return start + " : votre demande de rattachement a été refusée le " + FrenchFormat.dateTime(request.getDecidedAt())
            + (request.getRefusalReason() == null ? "" : " (motif : " + request.getRefusalReason() + ")")
            + ". Pour la faire réexaminer, prenez contact avec le service instructeur.";
      }
      return start + " : une demande de rattachement a été transmise au service instructeur ; "
          + "vous pourrez déposer dès qu'elle sera acceptée.";
    }
  }

  private RequestState openRequest(String userId, ApplicationRequest.OrganizationData o, String callReference) {
    Instant now = EngineClock.now();
    Organization org = organizations.findBySiret(o.siret()).orElse(null);
    if (org == null) {
      // a new organisation: what the filing declared, so that the instructeur sees who it is
      org = new Organization(o.siret(), now);
      org.update(o.name().trim(), o.legalForm().trim(), o.holderType().trim(), new LinkedHashSet<>(o.approvals()),
          o.street().trim(), o.postalCode(), o.city().trim(), o.email().trim(), o.legalRepresentative().trim());
      org.declareHolderType(o.holderTypeCode());
      org = organizations.saveAndFlush(org);
    }
    MembershipRequest last = requests.findFirstByUserIdAndOrganizationIdOrderByIdDesc(userId, org.getId())
        .orElse(null);
    if (last != null && last.getStatus() != MembershipRequest.Status.ACCEPTED) {
      // pending: one request is enough; refused: the refusal stands until an agent grants the membership
      return new RequestState(org.getName(), org.getSiret(), last);
    }
    MembershipRequest request = requests.saveAndFlush(new MembershipRequest(userId, org.getId(), callReference, now));
    User user = engine.call(() -> identity.createUserQuery().userId(userId).singleResult());
    String reference = REFERENCE_PREFIX + request.getId();
    Map<String, Object> vars = new HashMap<>();
    vars.put(VAR_REFERENCE, reference);
    vars.put(VAR_REQUEST_ID, request.getId());
    vars.put(VAR_ACCOUNT_ID, userId);
    vars.put(VAR_ACCOUNT_NAME, fullName(user, userId));
    vars.put(VAR_SIRET, org.getSiret());
    vars.put(VAR_ORGANIZATION_NAME, org.getName());
    vars.put(VAR_CALL_REFERENCE, callReference);
    ProcessInstance pi = engine.call(() -> runtime.createProcessInstanceByKey(KEY).businessKey(reference)
        .setVariables(vars).execute());
    request.attachProcess(pi.getProcessInstanceId());
    return new RequestState(org.getName(), org.getSiret(), request);
  }

  // ---------------------------------------------------------------- process

  /** What "Enregistrer la décision de rattachement" recorded: membership granted, and the e-mail to send (or null). */
  public record Decision(boolean granted, Long notificationId) {}

  /**
   * The instructeur's decision on a request. A request already settled (the membership was granted
   * through the API meanwhile) is left as it is and nothing is sent.
   */
  @Transactional
  public Decision decide(long requestId, boolean accepted, String reason, String actor) {
    MembershipRequest r = requests.findById(requestId)
        .orElseThrow(() -> new IllegalStateException("Demande de rattachement " + requestId + " introuvable"));
    if (!r.isPending()) {
      return new Decision(r.getStatus() == MembershipRequest.Status.ACCEPTED, null);
    }
    Instant now = EngineClock.now();
    Organization org = organizations.findById(r.getOrganizationId()).orElseThrow();
    String why = reason == null || reason.isBlank() ? null : reason.trim();
    if (why != null && why.length() > 1000) {
      why = why.substring(0, 1000);
    }
    if (accepted) {
      r.accept(actor, now);
      if (!members.existsByUserIdAndOrganizationId(r.getUserId(), org.getId())) {
        members.save(new OrganizationMember(r.getUserId(), org.getId(), now, actor));
      }
    } else {
      r.refuse(actor, now, why);
    }
    User user = engine.call(() -> identity.createUserQuery().userId(r.getUserId()).singleResult());
    if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
      return new Decision(accepted, null);
    }
    String subject = "Rattachement de votre compte à l'organisme " + org.getName();
    String body = accepted
        ? "Votre compte « " + r.getUserId() + " » est désormais rattaché à l'organisme « " + org.getName() + " » (SIRET "
            + org.getSiret() + ").\n\nVous pouvez déposer ses candidatures aux appels à projets."
        : "Votre demande de rattachement du compte « " + r.getUserId() + " » à l'organisme « " + org.getName()
            + " » (SIRET " + org.getSiret() + ") est refusée.\n\nMotif : " + (why == null ? "non précisé" : why)
            + "\n\nPour toute question, prenez contact avec le service instructeur.";
    return new Decision(accepted, notifications.store(accepted ? NotificationKind.MEMBERSHIP_GRANTED
        : NotificationKind.MEMBERSHIP_REFUSED, user.getEmail(), subject, body + SIGNATURE, null).getId());
  }

  private static final String SIGNATURE = "\n\nLe service Politiques du logement (SPSLH)\nDépartement du Pas-de-Calais\n\n"
      + "Ce courriel est envoyé automatiquement.";

  // ---------------------------------------------------------------- helpers

  private Organization organization(String siret) {
    return organizations.findBySiret(siret)
        .orElseThrow(() -> DomainException.notFound("Aucun organisme n'a le SIRET « " + siret + " »."));
  }

  private MemberView view(OrganizationMember m) {
    User user = engine.call(() -> identity.createUserQuery().userId(m.getUserId()).singleResult());
    return new MemberView(m.getUserId(), user == null ? null : fullName(user, m.getUserId()),
        user == null ? null : user.getEmail(),
        m.getGrantedAt() == null ? null : OffsetDateTime.ofInstant(m.getGrantedAt(), ParisDateTime.PARIS), m.getGrantedBy());
  }

  private static String fullName(User user, String fallback) {
    if (user == null) {
      return fallback;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? fallback : name;
  }
}
