package fr.pasdecalais.habitat.aap.jury;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationTimeline;
import fr.pasdecalais.habitat.aap.application.JuryStep;
import fr.pasdecalais.habitat.aap.application.ApplicationState;
import fr.pasdecalais.habitat.aap.call.JurySession;
import fr.pasdecalais.habitat.aap.shared.RefusedException;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.SelectionCriterion;
import fr.pasdecalais.habitat.aap.notification.NotificationKind;
import fr.pasdecalais.habitat.aap.notification.NotificationService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opinions of the jury members on the dossiers: opening, abstention, scores and avis, progress, weighted score. */
@Service
public class JuryService {

  /** How many criteria the opinion form can show ({@code score1} … {@code score8}). */
  public static final int MAX_CRITERIA = 8;

  private final JuryOpinionRepository opinions;
  private final ApplicationTimeline applications;
  private final JuryStep juryStep;
  private final CallCatalog calls;
  private final NotificationService notifications;
  private final IdentityService identity;
  private final RuntimeService runtime;

  public JuryService(JuryOpinionRepository opinions, ApplicationTimeline applications, JuryStep juryStep, CallCatalog calls,
      NotificationService notifications, IdentityService identity,
      RuntimeService runtime) {
    this.runtime = runtime;
    this.opinions = opinions;
    this.applications = applications;
    this.juryStep = juryStep;
    this.calls = calls;
    this.notifications = notifications;
    this.identity = identity;
  }

  /** The message of a completion in someone else's name. */
  public static final String NOT_YOUR_OPINION =
      "Cet avis ne peut être enregistré qu'au nom du membre du jury à qui la tâche est attribuée.";

  /** Step "Préparer l'avis" outside an engine instance (kept for callers without one). */
  @Transactional
  public Map<String, Object> openOpinion(long applicationId, Long jurySessionId, String member, Date opinionDeadline) {
    return openOpinion(applicationId, jurySessionId, member, opinionDeadline, null);
  }

  /**
   * Step "Préparer l'avis", the first (synchronous) step of a jury-opinion instance: the opinion
   * row and what the form shows. Only for a dossier at the jury step of a convened session of its
   * call ({@code UNDER_JURY_REVIEW} for that session) and a member who sits in that session; an
   * opinion already given is not reopened, nor one another running instance collects. Refused in
   * French ({@link RefusedException}) otherwise, so that the start rolls back whole.
   */
  @Transactional
  public Map<String, Object> openOpinion(Long applicationId, Long jurySessionId, String member, Date opinionDeadline,
      String processInstanceId) {
    if (applicationId == null) {
      throw new RefusedException("applicationId", "Un avis du jury porte sur un dossier : aucun dossier n'est indiqué.");
    }
    if (member == null || member.isBlank()) {
      throw new RefusedException("juryMember", "Un avis du jury est celui d'un membre du jury : aucun membre n'est indiqué.");
    }
    if (jurySessionId == null) {
      throw new RefusedException("jurySessionId", "Un avis du jury se donne pour une séance convoquée : aucune séance "
          + "n'est indiquée.");
    }
    Application a = applications.find(applicationId).orElseThrow(() -> new RefusedException("applicationId",
        "Le dossier n° " + applicationId + " n'existe pas : aucun avis ne peut être ouvert."));
    JurySession session = calls.jurySession(jurySessionId)
        .filter(s -> s.getCallReference().equals(a.getCallReference()))
        .orElseThrow(() -> new RefusedException("jurySessionId", "La séance de jury n° " + jurySessionId
            + " n'est pas une séance de l'appel " + a.getCallReference() + " : aucun avis ne peut être ouvert."));
    if (a.getState() != ApplicationState.UNDER_JURY_REVIEW || !jurySessionId.equals(a.getJurySessionId())) {
      throw new RefusedException("applicationId", "Le dossier " + a.getReference() + " n'est pas soumis au jury de "
          + "cette séance (état : " + a.getState().label() + ") : aucun avis ne peut être ouvert.");
    }
    if (!session.memberIds().contains(member)) {
      throw new RefusedException("juryMember", "« " + member + " » ne siège pas au jury de la séance qui examine le "
          + "dossier " + a.getReference() + " : aucun avis ne peut être ouvert à son nom.");
    }
    JuryOpinion opinion = opinions.findByApplicationIdAndMemberId(applicationId, member)
        .orElseGet(() -> opinions.save(new JuryOpinion(applicationId, jurySessionId, member, EngineClock.now())));
    if (opinion.getStatus() != JuryOpinion.Status.PENDING) {
      throw new RefusedException("juryMember", "L'avis de " + member + " sur le dossier " + a.getReference()
          + " est déjà rendu : il ne se donne pas une seconde fois.");
    }
    String other = opinion.getProcessInstanceId();
    if (other != null && !other.equals(processInstanceId)
        && runtime.createProcessInstanceQuery().processInstanceId(other).count() > 0) {
      throw new RefusedException("juryMember", "L'avis de " + member + " sur le dossier " + a.getReference()
          + " est déjà demandé : il ne se demande pas une seconde fois.");
    }
    if (processInstanceId != null) {
      opinion.attachTo(processInstanceId);
    }
    List<SelectionCriterion> criteria = criteria(a);
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("criterionCount", criteria.size());
    // only the call's criteria: the form hides the slots beyond criterionCount (their label and limit unread)
    for (int i = 0; i < criteria.size(); i++) {
      SelectionCriterion c = criteria.get(i);
      form.put("criterion" + (i + 1) + "Label", c.getLabel() + " (note de 0 à " + c.getMaxScore()
          + ", pondération " + c.getWeight() + " %)");
      // the form's own limit, so that the page refuses a score above the scale as soon as it is typed
      form.put("criterion" + (i + 1) + "Max", c.getMaxScore());
    }
    form.put("projectSummary", a.getSummary());
    form.put("opinionDeadlineText", opinionDeadline == null ? "" : fr.pasdecalais.habitat.aap.shared.FrenchFormat
        .dateTime(opinionDeadline.toInstant()));
    // reminder two days before the deadline (or at once when the deadline is nearer than that)
    Instant now = EngineClock.now();
    Instant reminder = opinionDeadline == null ? now.plusSeconds(7 * 86400) : opinionDeadline.toInstant().minusSeconds(2 * 86400);
    form.put("reminderDate", Date.from(reminder.isBefore(now) ? now : reminder));
    return form;
  }

  private List<SelectionCriterion> criteria(Application a) {
    List<SelectionCriterion> criteria = calls.selectionCriteria(a.getCallReference());
    return criteria.size() > MAX_CRITERIA ? criteria.subList(0, MAX_CRITERIA) : criteria;
  }

  /**
   * Complete listener of "Déclarer un éventuel conflit d'intérêts" and "Donner un avis": the opinion
   * is recorded in the name of the task's assignee (as the engine holds it), so the {@code juryMember}
   * variable must name them, and their opinion must be the one this instance collects and still
   * open. Refused with {@link #NOT_YOUR_OPINION} otherwise: the completion rolls back, the task stays.
   */
  @Transactional(readOnly = true)
  public void requireOwnOpinion(Object applicationId, String assignee, Object juryMember, String processInstanceId) {
    if (assignee == null || assignee.isBlank() || !assignee.equals(juryMember) || !(applicationId instanceof Number n)) {
      throw new RefusedException("juryMember", NOT_YOUR_OPINION);
    }
    JuryOpinion o = opinions.findByApplicationIdAndMemberId(n.longValue(), assignee)
        .orElseThrow(() -> new RefusedException("juryMember", NOT_YOUR_OPINION));
    if (o.getProcessInstanceId() != null && !o.getProcessInstanceId().equals(processInstanceId)) {
      throw new RefusedException("juryMember", NOT_YOUR_OPINION);
    }
    if (o.getStatus() != JuryOpinion.Status.PENDING) {
      throw new RefusedException("juryMember", "Votre avis sur ce dossier est déjà rendu : il ne peut plus être modifié.");
    }
  }

  /** The scores given in the form ({@code score1}…), checked against each criterion's maximum. French message when wrong. */
  @Transactional(readOnly = true)
  public Map<String, Integer> checkScores(long applicationId, Map<String, Object> formValues) {
    List<SelectionCriterion> criteria = criteria(applications.get(applicationId));
    Map<String, Integer> scores = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < criteria.size(); i++) {
      SelectionCriterion c = criteria.get(i);
      Object value = formValues.get("score" + (i + 1));
      if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
        problems.add("« " + c.getLabel() + " » : note entière obligatoire");
        continue;
      }
      int score = n.intValue();
      if (score < 0 || score > c.getMaxScore()) {
        problems.add("« " + c.getLabel() + " » : la note doit être entre 0 et " + c.getMaxScore());
      }
      scores.put(c.getCode(), score);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Avis incomplet : " + String.join(" ; ", problems) + ".");
    }
    return scores;
  }

  /** Step "Enregistrer l'abstention": the member declared a conflict of interest. */
  @Transactional
  public void abstain(long applicationId, String member, String reason) {
    JuryOpinion o = opinion(applicationId, member);
    o.abstain(reason, EngineClock.now());
    applications.log(applicationId, member, "ABSTENTION", "Conflit d'intérêts déclaré par " + member
        + " : abstention" + (reason == null || reason.isBlank() ? "." : " (" + reason + ")."));
  }

  /** Step "Enregistrer l'avis": scores, avis and comment, locked from now on. */
  @Transactional
  public JuryOpinion submit(long applicationId, String member, Map<String, Integer> scores, JuryOpinion.Avis avis,
      String comment) {
    Application a = applications.get(applicationId);
    JuryOpinion o = opinion(applicationId, member);
    o.submit(scores, weighted(criteria(a), scores), avis, comment, EngineClock.now());
    applications.log(a, member, "AVIS", "Avis du jury rendu par " + member + " (" + progress(applicationId) + ").");
    return o;
  }

  /** Σ weight × score / max, out of 100, 2 decimals HALF_UP. */
  static BigDecimal weighted(List<SelectionCriterion> criteria, Map<String, Integer> scores) {
    BigDecimal total = BigDecimal.ZERO;
    for (SelectionCriterion c : criteria) {
      Integer s = scores.get(c.getCode());
      if (s != null && c.getMaxScore() > 0) {
        total = total.add(BigDecimal.valueOf((long) c.getWeight() * s)
            .divide(BigDecimal.valueOf(c.getMaxScore()), 10, RoundingMode.HALF_UP));
      }
    }
    return total.setScale(2, RoundingMode.HALF_UP);
  }

  /** "2 avis sur 3": opinions given (abstentions included) out of opinions expected. */
  @Transactional(readOnly = true)
  public String progress(long applicationId) {
    List<JuryOpinion> all = opinions.findByApplicationIdOrderByMemberId(applicationId);
    long done = all.stream().filter(o -> o.getStatus() != JuryOpinion.Status.PENDING).count();
    return done + " avis sur " + all.size();
  }

  @Transactional(readOnly = true)
  public List<JuryOpinion> opinions(long applicationId) {
    return opinions.findByApplicationIdOrderByMemberId(applicationId);
  }

  /** Average of the members' weighted scores (abstentions left out), or null when nobody scored. */
  @Transactional(readOnly = true)
  public BigDecimal averageScore(long applicationId) {
    List<BigDecimal> scored = opinions.findByApplicationIdOrderByMemberId(applicationId).stream()
        .filter(o -> o.getStatus() == JuryOpinion.Status.SUBMITTED).map(JuryOpinion::getWeightedScore).toList();
    if (scored.isEmpty()) {
      return null;
    }
    return scored.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(scored.size()), 2, RoundingMode.HALF_UP);
  }

  /** Step "Calculer la note pondérée": the dossier's score; tells the call when the whole session is in. */
  @Transactional
  public BigDecimal completeReview(long applicationId) {
    BigDecimal score = averageScore(applicationId);
    juryStep.recordJuryResult(applicationId, score, progress(applicationId));
    return score;
  }

  /** Step "Préparer la relance": an e-mail to a member whose opinion is still awaited; null when nothing to remind. */
  @Transactional
  public Long reminder(long applicationId, String member, String deadlineText) {
    JuryOpinion o = opinion(applicationId, member);
    if (o.getStatus() != JuryOpinion.Status.PENDING) {
      return null;
    }
    Application a = applications.get(applicationId);
    User user = identity.createUserQuery().userId(member).singleResult();
    String email = user != null && user.getEmail() != null ? user.getEmail() : member;
    String name = user != null ? user.getFirstName() + " " + user.getLastName() : member;
    return notifications.store(NotificationKind.JURY_REMINDER, email,
        "Rappel : avis attendu sur le dossier " + a.getReference(),
        "Bonjour " + name + ",\n\nVotre avis sur le dossier " + a.getReference() + " (" + a.getOrganization().getName()
            + ") est attendu avant le " + deadlineText + ".\nIl vous suffit d'ouvrir la tâche dans Camunda Tasklist.\n\n"
            + "Le service Politiques du logement (SPSLH)\nDépartement du Pas-de-Calais", a.getReference()).getId();
  }

  private JuryOpinion opinion(long applicationId, String member) {
    return opinions.findByApplicationIdAndMemberId(applicationId, member)
        .orElseThrow(() -> new IllegalStateException("Aucun avis ouvert pour " + member + " sur le dossier " + applicationId));
  }
}
