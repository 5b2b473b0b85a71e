package fr.pasdecalais.habitat.aap.application.process;

/** Key, element ids and variables of {@code organization-membership.bpmn}. */
public final class MembershipProcess {

  public static final String KEY = "organization-membership";

  /** Business key and {@code reference} variable: {@code RATTACHEMENT-<request id>}. */
  public static final String REFERENCE_PREFIX = "RATTACHEMENT-";

  // variables set at the start (the form shows them)
  public static final String VAR_REQUEST_ID = "membershipRequestId";
  public static final String VAR_ACCOUNT_ID = "accountId";
  public static final String VAR_ACCOUNT_NAME = "accountName";
  public static final String VAR_SIRET = "siret";

  // the form's decision ("true" / "false", as a radio group submits it) and reason
  public static final String VAR_ACCEPTED = "membershipAccepted";
  public static final String VAR_REFUSAL_REASON = "membershipRefusalReason";

  /** Set by "Enregistrer la décision de rattachement", routes {@code Gateway_MembershipAccepted}. */
  public static final String VAR_GRANTED = "membershipGranted";

  // elements
  public static final String START = "StartEvent_MembershipRequested";
  public static final String TASK_VALIDATE = "Task_ValidateMembership";
  public static final String TASK_RECORD_DECISION = "Task_RecordMembershipDecision";
  public static final String SEND_NOTIFY_DECISION = "SendTask_NotifyMembershipDecision";
  public static final String END_GRANTED = "EndEvent_MembershipGranted";
  public static final String END_REFUSED = "EndEvent_MembershipRefused";

  private MembershipProcess() {}
}
