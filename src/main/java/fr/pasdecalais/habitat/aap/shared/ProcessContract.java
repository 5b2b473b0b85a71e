package fr.pasdecalais.habitat.aap.shared;

/**
 * What processes say to each other: the messages exchanged between {@code call-for-projects} and
 * the {@code application} instances of its dossiers, and the variables that more than one process
 * reads under the same name (see the contract table in {@code docs/architecture.md}). Each process's
 * own element ids and variables stay in its {@code *Process} class.
 */
public final class ProcessContract {

  // messages, correlated by business key (the dossier reference) or by the call's reference
  /** call → application: the lot's deadline passed (late dossiers end, the others go on). */
  public static final String MSG_DEADLINE_PASSED = "Message_DeadlinePassed";
  /** call → application: the jury is convened (members and deadline passed along). */
  public static final String MSG_JURY_CONVENED = "Message_JuryConvened";
  /** application → call: every jury opinion of the dossier is in. */
  public static final String MSG_ALL_OPINIONS_IN = "Message_AllOpinionsIn";
  /** call → application: the deliberation decided (granted or refused). */
  public static final String MSG_DECISION = "Message_Decision";
  /** application → call: the dossier's process ended (the call's final review waits for all). */
  public static final String MSG_APPLICATION_ENDED = "Message_ApplicationEnded";

  // variables shared by several processes
  /** The dossier reference (also the business key of its application and grant-agreement instances). */
  public static final String VAR_REFERENCE = "reference";
  public static final String VAR_APPLICATION_ID = "applicationId";
  public static final String VAR_CALL_REFERENCE = "callReference";
  public static final String VAR_LOT_CODE = "lotCode";
  public static final String VAR_ORGANIZATION_NAME = "organizationName";
  public static final String VAR_JURY_MEMBERS = "juryMembers";
  public static final String VAR_OPINION_DEADLINE = "opinionDeadline";
  public static final String VAR_JURY_SESSION_ID = "jurySessionId";
  /** The notification the next "Envoyer le courriel" send task sends (null: nothing to send). */
  public static final String VAR_NOTIFICATION_ID = "notificationId";

  // payload of Message_Decision (call → application)
  public static final String VAR_AWARD_DECISION_ID = "awardDecisionId";
  public static final String VAR_DECISION_LABEL = "decisionLabel";
  public static final String VAR_GRANTED = "granted";

  private ProcessContract() {}
}
