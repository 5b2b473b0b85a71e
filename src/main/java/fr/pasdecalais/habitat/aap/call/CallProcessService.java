package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.notification.NotificationKind;
import fr.pasdecalais.habitat.aap.notification.NotificationService;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import fr.pasdecalais.habitat.aap.shared.RefusedException;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import fr.pasdecalais.habitat.aap.shared.Money;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the {@code call-for-projects} process, one method per service task.
 *
 * <p>It sends no e-mail itself: {@link #remindJury} stores notifications, which the send task that
 * follows it in the model ({@code notification.process.SendNotification}, retried by the engine)
 * sends, like every other mail.
 */
@Service
public class CallProcessService {

  private static final Logger LOG = LoggerFactory.getLogger(CallProcessService.class);

  private final CallCatalog catalog;
  private final Candidates candidates;
  private final JurySessionRepository sessions;
  private final CallArrivals arrivals;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final NotificationService notifications;

  public CallProcessService(CallCatalog catalog, Candidates candidates, JurySessionRepository sessions,
      CallArrivals arrivals, RuntimeService runtime, IdentityService identity, NotificationService notifications) {
    this.catalog = catalog;
    this.candidates = candidates;
    this.sessions = sessions;
    this.arrivals = arrivals;
    this.runtime = runtime;
    this.identity = identity;
    this.notifications = notifications;
  }

  /** What the process keeps about a published call. */
  public record PublishedCall(Long callId, String reference, String title, DecidingBody decidingBody,
      List<String> lotCodes, String envelopeLabel, List<Map<String, String>> juryCandidates, List<String> juryMembers,
      SelectionTimeline selection, SelectionMode selectionMode) {}

  /** A lot's window as ISO date-times for the BPMN timers, and in French for people. */
  public record LotWindow(String opensAtIso, String closesAtIso, String label) {}

  /** "Publier l'appel": DRAFT → PUBLISHED; refuses an unknown or already published call. */
  @Transactional
  public PublishedCall publish(String reference) {
    CallForProjects call = catalog.findByReference(reference).orElseThrow(() -> new IllegalArgumentException(
        "Aucun appel à projets n'a la référence « " + reference + " » : enregistrez-le d'abord (POST /api/calls?publish=false)."));
    if (call.getStatus() != CallStatus.DRAFT) {
      throw new IllegalStateException("L'appel « " + reference + " » est déjà publié (statut « "
          + call.getStatus().label() + " »).");
    }
    Instant now = EngineClock.now();
    for (CallLot lot : call.getLots()) {
      if (lot.getOpensAt() == null && !lot.getClosesAt().toInstant().isAfter(now)) {
        throw new RefusedException("opensAtPublication", "Le lot « " + lot.getLabel() + " » ouvre à la publication : "
            + "sa clôture (" + ParisDateTime.french(lot.getClosesAt()) + ") est déjà passée. Corrigez la date de clôture.");
      }
    }
    call = catalog.publish(reference);
    List<Map<String, String>> jury = new ArrayList<>();
    call.getJury().forEach(j -> jury.add(option(j.getUserId(), j.getFullName() + " (" + j.getBody() + ")")));
    List<String> seated = call.getJury().stream().map(CallJuryMember::getUserId).toList();
    for (User u : identity.createUserQuery().memberOfGroup("jury").orderByUserId().asc().list()) {
      if (!seated.contains(u.getId())) {
        jury.add(option(u.getId(), u.getFirstName() + " " + u.getLastName()));
      }
    }
    return new PublishedCall(call.getId(), call.getReference(), call.getTitle(), call.getDecidingBody(),
        call.getLots().stream().map(CallLot::getCode).toList(), envelopeLabel(call), jury, seated,
        call.getSelection(), call.getSelectionMode());
  }

  /** The funder as the decision forms show it: "État (DDCS…), signataire : le Préfet du Pas-de-Calais". */
  @Transactional(readOnly = true)
  public String funderLabel(String reference) {
    CallFunder f = catalog.getByReference(reference).getFunder();
    return f.getName() + (f.getService() == null ? "" : " (" + f.getService() + ")") + ", signataire : " + f.getSignatory()
        + (f.getCoFunderName() == null ? "" : " ; cofinancé par " + f.getCoFunderName() + " à " + f.coFunderShareLabel());
  }

  /** "Préparer les dates du lot". */
  @Transactional(readOnly = true)
  public LotWindow lotWindow(String reference, String lotCode) {
    CallLot lot = catalog.getLot(reference, lotCode);
    return new LotWindow(ParisDateTime.iso(lot.getOpensAt()), ParisDateTime.iso(lot.getClosesAt()),
        lot.getLabel() + " : du " + ParisDateTime.french(lot.getOpensAt()) + " au " + ParisDateTime.french(lot.getClosesAt()));
  }

  /** "Ouvrir le lot": the call is OPEN once its first lot opens. */
  @Transactional
  public CallStatus openLot(String reference, String lotCode) {
    catalog.getLot(reference, lotCode);
    CallForProjects call = catalog.getByReference(reference);
    if (call.getStatus() == CallStatus.PUBLISHED) {
      call = catalog.moveTo(reference, CallStatus.OPEN);
    }
    return call.getStatus();
  }

  /**
   * "Clore le lot": every dossier of the lot still waiting for pieces is told the deadline has
   * passed; the call is CLOSED once every lot is. Returns how many dossiers were told.
   */
  @Transactional
  public int closeLot(String reference, String lotCode) {
    catalog.getLot(reference, lotCode);
    int told = runtime.createMessageCorrelation(ProcessContract.MSG_DEADLINE_PASSED)
        .processInstanceVariableEquals(ProcessContract.VAR_CALL_REFERENCE, reference)
        .processInstanceVariableEquals(ProcessContract.VAR_LOT_CODE, lotCode)
        .correlateAllWithResult().size();
    CallForProjects call = catalog.getByReference(reference);
    Instant now = EngineClock.now();
    boolean allClosed = call.getLots().stream().noneMatch(l -> now.isBefore(l.getClosesAt().toInstant()));
    if (allClosed && (call.getStatus() == CallStatus.OPEN || call.getStatus() == CallStatus.PUBLISHED)) {
      catalog.moveTo(reference, CallStatus.CLOSED);
    }
    return told;
  }

  /** "Compter les candidatures": dossiers still in the running once every lot is closed. */
  @Transactional
  public long countActiveApplications(String reference) {
    return countActiveApplications(reference, null);
  }

  /**
   * "Compter les candidatures" of one lot decided at its close ({@code lotCode}; null: the whole call).
   * Without dossier the selection ends; "Vérifier les sélections" then closes the call out when no
   * selection of the call had any ({@link #closeOutWithoutCandidature}).
   */
  @Transactional
  public long countActiveApplications(String reference, String lotCode) {
    return candidates.countActive(reference, lotCode);
  }

  /**
   * "Vérifier les sélections", once every lot is closed and selected (the whole call, or each lot at
   * its close): no selection had a dossier, the call is closed out ("Appel clos sans candidature").
   */
  @Transactional
  public void closeOutWithoutCandidature(String reference) {
    catalog.moveTo(reference, CallStatus.CLOSED_OUT);
  }

  /** The envelope the synthesis may not exceed: every lot's budget, or one lot's when it is selected alone. */
  @Transactional(readOnly = true)
  public String envelopeLabel(String reference, String lotCode) {
    CallForProjects call = catalog.getByReference(reference);
    return lotCode == null ? envelopeLabel(call) : lotCode + " : " + Money.format(catalog.getLot(reference, lotCode).getBudget());
  }

  /**
   * "Convoquer le jury": records the session and asks every dossier of the call waiting for the
   * jury for opinions ({@code Message_JuryConvened}); the call is IN_SELECTION. The call's row is
   * locked first ({@link CallArrivals}): a dossier reaching "Jury réuni" at the same time either
   * waits there before this correlation reads, or finds the session once this commits.
   */
  @Transactional
  public JurySession conveneJury(String reference, OffsetDateTime sessionAt, OffsetDateTime opinionDeadline,
      List<String> memberIds, String organisedBy) {
    return conveneJury(reference, null, sessionAt, opinionDeadline, memberIds, organisedBy);
  }

  /**
   * As {@link #conveneJury(String, OffsetDateTime, OffsetDateTime, List, String)} for the jury of one
   * lot ({@code lotCode}; null: every lot): only that lot's dossiers are asked for opinions.
   */
  @Transactional
  public JurySession conveneJury(String reference, String lotCode, OffsetDateTime sessionAt,
      OffsetDateTime opinionDeadline, List<String> memberIds, String organisedBy) {
    arrivals.lock(reference);
    CallForProjects call = catalog.getByReference(reference);
    if (memberIds.isEmpty()) {
      throw new IllegalArgumentException("Choisissez au moins un membre du jury.");
    }
    Map<String, CallJuryMember> seats = new LinkedHashMap<>();
    call.getJury().forEach(j -> seats.put(j.getUserId(), j));
    List<CallJuryMember> members = new ArrayList<>();
    for (String id : memberIds) {
      CallJuryMember seat = seats.get(id);
      if (seat == null) {
        User u = identity.createUserQuery().userId(id).singleResult();
        if (u == null) {
          throw new IllegalArgumentException("L'utilisateur « " + id + " » n'existe pas.");
        }
        seat = new CallJuryMember(id, u.getFirstName() + " " + u.getLastName(), "Membre du jury");
      }
      members.add(seat);
    }
    JurySession session = sessions.save(new JurySession(call, sessionAt, opinionDeadline, members, organisedBy,
        EngineClock.now()).forLot(lotCode));
    if (lotCode == null) {
      catalog.moveTo(reference, CallStatus.IN_SELECTION);
    } else {
      catalog.advance(reference, CallStatus.IN_SELECTION);
    }
    CallArrivals.ConvenedSession payload = CallArrivals.payload(session);
    var correlation = runtime.createMessageCorrelation(ProcessContract.MSG_JURY_CONVENED)
        .processInstanceVariableEquals(ProcessContract.VAR_CALL_REFERENCE, reference);
    if (lotCode != null) {
      correlation = correlation.processInstanceVariableEquals(ProcessContract.VAR_LOT_CODE, lotCode);
    }
    int asked = correlation
        .setVariable(ProcessContract.VAR_JURY_MEMBERS, payload.juryMembers())
        .setVariable(ProcessContract.VAR_OPINION_DEADLINE, payload.opinionDeadline())
        .setVariable(ProcessContract.VAR_JURY_SESSION_ID, payload.jurySessionId())
        .correlateAllWithResult().size();
    LOG.info("Jury de l'appel {} convoqué (séance {}) : {} dossier(s) soumis aux avis", reference, session.getId(), asked);
    return session;
  }

  /**
   * "Préparer la relance du jury": recorded on the session, and one {@code JURY_REMINDER}
   * notification stored per member who has an e-mail address. Returns their ids, in the members'
   * order, for the send task "Relancer les membres du jury" that follows (one retried job each).
   */
  @Transactional
  public List<Long> remindJury(Long sessionId) {
    JurySession session = sessions.findById(sessionId).orElseThrow(() -> new IllegalArgumentException(
        "La séance de jury " + sessionId + " n'existe pas."));
    session.reminded(EngineClock.now());
    List<Long> stored = new ArrayList<>();
    for (String userId : session.memberIds()) {
      User u = identity.createUserQuery().userId(userId).singleResult();
      if (u != null && u.getEmail() != null) {
        stored.add(notifications.store(NotificationKind.JURY_REMINDER, u.getEmail(),
            "Appel " + session.getCallReference() + " : vos avis sont attendus",
            "Bonjour,\n\nLes avis du jury sur les dossiers de l'appel " + session.getCallReference()
                + " sont attendus au plus tard le " + ParisDateTime.french(session.getOpinionDeadline())
                + ". Retrouvez les dossiers dans Tasklist.\n\nLe service des politiques sociales du logement et de l'habitat",
            null).getId());
      }
    }
    return stored;
  }

  private static Map<String, String> option(String value, String label) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("label", label);
    m.put("value", value);
    return m;
  }

  /** "AMI1 : 80 928,00 € ; AMI2 : 25 493,66 €". */
  public static String envelopeLabel(CallForProjects call) {
    return call.getLots().stream().map(l -> l.getCode() + " : " + Money.format(l.getBudget()))
        .collect(Collectors.joining(" ; "));
  }
}
