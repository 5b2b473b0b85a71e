package fr.pasdecalais.habitat.aap.call.process;

/** Constants of the {@code call-for-projects} process: key, element ids, variables, messages. */
public final class CallProcess {

  public static final String KEY = "call-for-projects";
  public static final String APPLICATION_PROCESS_KEY = "application";
  /** The selection of one lot decided at its close (call activity of {@code call-for-projects}, business key passed down). */
  public static final String SELECTION_KEY = "call-selection";

  // variables
  public static final String VAR_CALL_TITLE = "callTitle";
  public static final String VAR_DECIDING_BODY = "decidingBody";
  public static final String VAR_DECIDING_BODY_LABEL = "decidingBodyLabel";
  /** "État (DDCS…), signataire : le Préfet du Pas-de-Calais": what the decision forms show of the funder. */
  public static final String VAR_FUNDER_LABEL = "funderLabel";
  public static final String VAR_LOT_CODES = "lotCodes";
  public static final String VAR_LOT_OPENS_AT = "lotOpensAt";
  public static final String VAR_LOT_CLOSES_AT = "lotClosesAt";
  public static final String VAR_HAS_CANDIDATES = "hasCandidates";
  public static final String VAR_CANDIDATE_COUNT = "candidateCount";
  public static final String VAR_JURY_CANDIDATES = "juryCandidates";
  public static final String VAR_JURY_SESSION_DATE = "jurySessionDate";
  public static final String VAR_OPINION_DEADLINE_ISO = "opinionDeadlineIso";
  public static final String VAR_OPINION_REMINDER_ISO = "opinionReminderIso";
  /** The ids of the stored {@code JURY_REMINDER} notifications, one per member with an e-mail address. */
  public static final String VAR_JURY_REMINDER_IDS = "juryReminderIds";
  public static final String VAR_PROPOSALS = "proposals";
  public static final String VAR_ENVELOPE_LABEL = "envelopeLabel";
  public static final String VAR_SYNTHESIS_ERROR = "synthesisError";
  public static final String VAR_PROPOSAL_SUMMARY = "proposalSummary";
  public static final String VAR_DELIBERATION_ID = "deliberationId";
  public static final String VAR_DELIBERATION_ADOPTED = "deliberationAdopted";
  public static final String VAR_DELIBERATION_ERROR = "deliberationError";
  public static final String VAR_ACTIVE_APPLICATIONS = "activeApplications";
  public static final String VAR_REVIEW_SUMMARY = "reviewSummary";
  /** {@code WHOLE_CALL} or {@code PER_LOT} ({@link fr.pasdecalais.habitat.aap.call.SelectionTimeline}). */
  public static final String VAR_SELECTION = "selection";
  /** {@code WITH_JURY} or {@code WITHOUT_JURY} ({@link fr.pasdecalais.habitat.aap.call.SelectionMode}). */
  public static final String VAR_SELECTION_MODE = "selectionMode";
  /** In {@code call-selection} only: the lot selected and decided on its own (null: the whole call). */
  public static final String VAR_SELECTED_LOT = "selectedLot";

  // messages

  // errors
  public static final String ERROR_SYNTHESIS_REFUSED = "SYNTHESIS_REFUSED";
  public static final String ERROR_INVALID_DELIBERATION = "INVALID_DELIBERATION";

  // elements
  public static final String START = "StartEvent_CallPublished";
  public static final String TASK_PUBLISH = "Task_PublishCall";
  public static final String SUBPROCESS_LOT_WINDOW = "SubProcess_LotWindow";
  public static final String TIMER_LOT_OPENS = "TimerEvent_LotOpens";
  public static final String TIMER_LOT_CLOSES = "TimerEvent_LotCloses";
  public static final String TASK_OPEN_LOT = "Task_OpenLot";
  public static final String TASK_CLOSE_LOT = "Task_CloseLot";
  public static final String TASK_COUNT_CANDIDATES = "Task_CountCandidates";
  public static final String END_NO_APPLICATION = "EndEvent_NoApplication";
  public static final String TASK_ORGANISE_JURY = "Task_OrganiseJurySession";
  public static final String TASK_CONVENE_JURY = "Task_ConveneJury";
  public static final String TASK_WAIT_OPINIONS = "Task_WaitForOpinions";
  public static final String TIMER_OPINION_REMINDER = "TimerEvent_OpinionReminder";
  public static final String TIMER_OPINION_DEADLINE = "TimerEvent_OpinionDeadline";
  public static final String TASK_REMIND_JURY = "Task_RemindJury";
  public static final String TASK_SEND_JURY_REMINDERS = "SendTask_JuryReminders";
  public static final String TASK_RANK = "Task_RankCandidates";
  public static final String TASK_SYNTHESIS = "Task_JurySynthesis";
  public static final String TASK_CHECK_ENVELOPE = "Task_CheckEnvelope";
  public static final String TASK_PREPARE_REPORT = "Task_PrepareAssemblyReport";
  public static final String TASK_RECORD_DELIBERATION = "Task_RecordDeliberation";
  public static final String TASK_SAVE_DELIBERATION = "Task_SaveDeliberation";
  public static final String TASK_SEND_DECISIONS = "Task_SendDecisions";
  public static final String TASK_CHECK_ACTIVE = "Task_CheckActiveApplications";
  public static final String EVENT_APPLICATION_ENDED = "Event_ApplicationEnded";
  public static final String TASK_FINAL_REVIEW = "Task_FinalReview";
  public static final String TASK_CLOSE_OUT = "Task_CloseOutCall";
  public static final String END_CLOSED_OUT = "EndEvent_CallClosedOut";
  public static final String GATEWAY_LOT_DECIDED_AT_CLOSE = "Gateway_LotDecidedAtClose";
  public static final String CALL_ACTIVITY_LOT_SELECTION = "CallActivity_LotSelection";
  public static final String CALL_ACTIVITY_CALL_SELECTION = "CallActivity_CallSelection";
  public static final String END_LOT_DECIDED = "EndEvent_LotDecided";
  public static final String GATEWAY_SELECTION_TIMELINE = "Gateway_SelectionTimeline";
  public static final String TASK_CHECK_LOT_SELECTIONS = "Task_CheckLotSelections";
  public static final String GATEWAY_ANY_LOT_SELECTED = "Gateway_AnyLotSelected";
  public static final String GATEWAY_WITH_JURY = "Gateway_WithJury";
  public static final String TASK_PROPOSE_SELECTION = "Task_ProposeSelection";
  public static final String TASK_PREPARE_PREFECT_PROPOSAL = "Task_PreparePrefectProposal";
  public static final String TASK_RECORD_PREFECT_DECISION = "Task_RecordPrefectDecision";
  public static final String TASK_SAVE_PREFECT_DECISION = "Task_SavePrefectDecision";
  /** {@code call-selection}: its start and end. */
  public static final String START_LOT_SELECTION = "StartEvent_LotSelection";
  public static final String END_LOT_SELECTION_DECIDED = "EndEvent_LotSelectionDecided";

  /** The lot a step selects alone ({@code call-selection}), or null for the whole call. */
  public static String selectedLot(org.camunda.bpm.engine.delegate.VariableScope execution) {
    return (String) execution.getVariable(VAR_SELECTED_LOT);
  }

  // variables of the forms and delegates (their names are written only here)
  public static final String VAR_DECISION_REFERENCE = "decisionReference";
  public static final String VAR_DELIBERATION_DATE = "deliberationDate";
  public static final String VAR_DELIBERATION_NUMBER = "deliberationNumber";
  public static final String VAR_REVIEW_COMMENT = "reviewComment";
  public static final String VAR_VOTES_ABSENT = "votesAbsent";
  public static final String VAR_VOTES_ABSTENTION = "votesAbstention";
  public static final String VAR_VOTES_AGAINST = "votesAgainst";
  public static final String VAR_VOTES_FOR = "votesFor";
  public static final String VAR_PREFECT_PROPOSAL_DATE = "prefectProposalDate";
  public static final String VAR_PREFECT_PROPOSAL_NOTE = "prefectProposalNote";
  public static final String VAR_PREFECT_PROPOSAL_SENT = "prefectProposalSent";

  private CallProcess() {}
}
