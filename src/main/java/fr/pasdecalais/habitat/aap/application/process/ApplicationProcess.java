package fr.pasdecalais.habitat.aap.application.process;

/** Keys, element ids, variables and messages of {@code application.bpmn} and {@code instruction.bpmn}. */
public final class ApplicationProcess {

  public static final String KEY = "application";
  public static final String INSTRUCTION_KEY = "instruction";

  // variables (see docs/architecture.md)
  public static final String VAR_LATE = "late";
  public static final String VAR_ELIGIBLE = "eligible";
  public static final String VAR_COMPLETENESS_OUTCOME = "completenessOutcome";
  public static final String VAR_REGULARIZATION_DEADLINE = "regularizationDeadline";
  public static final String VAR_WITHDRAWAL_REASON = "withdrawalReason";
  public static final String VAR_WITHDRAWN_BY = "withdrawnBy";
  /** Set by "Rejoindre la séance du jury déjà convoquée": the session was convened before the dossier arrived. */
  public static final String VAR_JURY_ALREADY_CONVENED = "juryAlreadyConvened";
  /** False when the call selects without a jury: the dossier goes from eligibility to the decision. */
  public static final String VAR_JURY_EXPECTED = "juryExpected";
  /** Set by "Rechercher une décision déjà prise": the decision was sent before the dossier arrived. */
  public static final String VAR_DECISION_ALREADY_TAKEN = "decisionAlreadyTaken";

  // messages
  public static final String MSG_WITHDRAWAL = "Message_Withdrawal";
  public static final String MSG_PIECES_RECEIVED = "Message_PiecesReceived";

  // elements
  public static final String TASK_CHECK_COMPLETENESS = "Task_CheckCompleteness";
  public static final String TASK_AWAIT_PIECES = "Task_AwaitPieces";
  public static final String TASK_CHECK_ELIGIBILITY = "Task_CheckEligibility";
  public static final String EVENT_JURY_CONVENED = "Event_JuryConvened";
  public static final String EVENT_DECISION = "Event_Decision";
  public static final String TASK_JOIN_CONVENED_SESSION = "Task_JoinConvenedSession";
  public static final String GATEWAY_JURY_ALREADY_CONVENED = "Gateway_JuryAlreadyConvened";
  public static final String GATEWAY_DECISION_WAIT_JOIN = "Gateway_DecisionWaitJoin";
  public static final String TASK_FIND_TAKEN_DECISION = "Task_FindTakenDecision";
  public static final String GATEWAY_DECISION_ALREADY_TAKEN = "Gateway_DecisionAlreadyTaken";
  public static final String TASK_OPEN_JURY_REVIEW = "Task_OpenJuryReview";
  public static final String TASK_RECORD_DECISION = "Task_RecordDecision";
  public static final String CALL_INSTRUCTION = "CallActivity_Instruction";
  public static final String CALL_JURY_OPINION = "CallActivity_JuryOpinion";
  public static final String END_LATE = "EndEvent_Late";
  public static final String END_NOT_RETAINED = "EndEvent_NotRetained";
  public static final String END_GRANTED = "EndEvent_Granted";
  public static final String END_REFUSED = "EndEvent_Refused";
  public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
  public static final String END_REJECTED_INCOMPLETE = "EndEvent_RejectedIncomplete";
  public static final String END_INELIGIBLE = "EndEvent_Ineligible";
  public static final String END_ELIGIBLE = "EndEvent_Eligible";

  /** Outcome of a completeness check, routed by {@code Gateway_Complete}. */
  public enum CompletenessOutcome { COMPLETE, REGULARIZATION, TOO_LATE }

  // variables of the forms and delegates (their names are written only here)
  public static final String VAR_APPROVALS = "approvals";
  public static final String VAR_AUTO_ELIGIBLE = "autoEligible";
  public static final String VAR_CITY = "city";
  public static final String VAR_COMPLETE = "complete";
  public static final String VAR_COMPLETENESS_COMMENT = "completenessComment";
  public static final String VAR_ELIGIBILITY_CHECKS = "eligibilityChecks";
  public static final String VAR_ELIGIBILITY_REASON = "eligibilityReason";
  public static final String VAR_EMAIL = "email";
  public static final String VAR_HOLDER_TYPE = "holderType";
  /** The holder type the pieces depend on ({@code call.HolderType} code), optional. */
  public static final String VAR_HOLDER_TYPE_CODE = "holderTypeCode";
  public static final String VAR_INITIATOR = "initiator";
  public static final String VAR_LEGAL_FORM = "legalForm";
  public static final String VAR_LEGAL_REPRESENTATIVE = "legalRepresentative";
  public static final String VAR_MISSING_PIECES = "missingPieces";
  public static final String VAR_MISSING_REASON = "missingReason";
  public static final String VAR_PIECES_COMMENT = "piecesComment";
  public static final String VAR_PIECES_RECEIVED_TEXT = "piecesReceivedText";
  public static final String VAR_POSTAL_CODE = "postalCode";
  public static final String VAR_RECEIVED_AT = "receivedAt";
  public static final String VAR_REQUESTED_AMOUNT = "requestedAmount";
  public static final String VAR_REQUESTED_UNITS = "requestedUnits";
  public static final String VAR_REQUIRED_PIECE_OPTIONS = "requiredPieceOptions";
  public static final String VAR_SIRET = "siret";
  public static final String VAR_STREET = "street";
  public static final String VAR_SUMMARY = "summary";
  public static final String VAR_TERRITORIES = "territories";

  private ApplicationProcess() {}
}
