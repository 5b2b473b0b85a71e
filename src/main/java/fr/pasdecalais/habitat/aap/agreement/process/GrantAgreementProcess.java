package fr.pasdecalais.habitat.aap.agreement.process;

/** Key, element ids, variables, messages and error codes of {@code grant-agreement.bpmn}. */
public final class GrantAgreementProcess {

  public static final String KEY = "grant-agreement";
  public static final String DECISION_PAYMENT_SCHEDULE = "Decision_PaymentSchedule";

  // messages (correlated by business key = dossier reference)
  public static final String MSG_AMENDMENT_REQUESTED = "Message_AmendmentRequested";
  public static final String MSG_TERMINATION_NOTICE = "Message_TerminationNotice";
  public static final String MSG_NOTICE_REMEDIED = "Message_NoticeRemedied";
  public static final String MSG_REPORT_REQUESTED = "Message_ReportRequested";
  public static final String MSG_TERMINATION_REQUESTED = "Message_TerminationRequested";
  /** Correlated by {@link RecordInterimReport} (process instance id) when the report makes an instalment due. */
  public static final String MSG_INSTALMENT_DUE = "Message_InstalmentDue";

  // error codes
  public static final String ERROR_AGREEMENT_INVALID = "AGREEMENT_INVALID";
  public static final String ERROR_SIGNATURE_INVALID = "SIGNATURE_INVALID";
  public static final String ERROR_PAYMENT_REFUSED = "PAYMENT_REFUSED";
  public static final String ERROR_QUANTITIES_INVALID = "QUANTITIES_INVALID";
  public static final String ERROR_AMENDMENT_INVALID = "AMENDMENT_INVALID";

  // user tasks
  public static final String TASK_PREPARE = "Task_PrepareAgreement";
  public static final String TASK_RECORD_SIGNATURES = "Task_RecordSignatures";
  public static final String TASK_VALIDATE_ADVANCE = "Task_ValidateAdvanceMandate";
  public static final String TASK_RECEIVE_INTERIM = "Task_ReceiveInterimReport";
  public static final String TASK_RECEIVE_FINAL = "Task_ReceiveFinalReport";
  public static final String TASK_RECEIVE_REQUESTED = "Task_ReceiveRequestedReport";
  public static final String TASK_HANDLE_LATE_FINAL = "Task_HandleLateFinalReport";
  public static final String TASK_CERTIFY_SERVICE = "Task_CertifyService";
  public static final String TASK_VALIDATE_BALANCE = "Task_ValidateBalanceMandate";
  public static final String TASK_VALIDATE_INSTALMENT = "Task_ValidateInstalmentMandate";
  public static final String TASK_REVIEW_AMENDMENT = "Task_ReviewAmendment";
  public static final String TASK_STATE_EXPENSES = "Task_StateJustifiedExpenses";
  // service tasks and events
  public static final String TASK_ORDER_ADVANCE = "Task_OrderAdvance";
  public static final String END_CLOSED = "EndEvent_Closed";
  public static final String SUBPROCESS_AMENDMENT = "SubProcess_Amendment";
  public static final String SUBPROCESS_NOTICE = "SubProcess_TerminationNotice";
  public static final String SUBPROCESS_IN_FORCE = "SubProcess_InForce";
  public static final String EVENT_NOTICE_REMEDIED = "MessageEvent_NoticeRemedied";
  public static final String END_TERMINATED = "EndEvent_Terminated";

  // variables passed down by the application process
  // variables of this process
  public static final String VAR_AGREEMENT_ID = "agreementId";
  public static final String VAR_PAYMENT_ID = "paymentId";
  /**
   * The group that validates the mandates ({@code candidateGroups="${payerGroup}"}): set by
   * {@code Task_LoadTerms} from the call's funder kind, never by a form (no form has such a field).
   */
  public static final String VAR_PAYER_GROUP = "payerGroup";
  /** "État (…) — ordonnateur : le Préfet du Pas-de-Calais": what "Valider le mandatement" shows of the funder. */
  public static final String VAR_PAYER_LABEL = "payerLabel";
  /** Number of the intermediate instalment an event subprocess "Versement intermédiaire" orders (local). */
  public static final String VAR_INSTALMENT_NUMBER = "instalmentNumber";
  public static final String VAR_SETTLEMENT = "settlement";
  /** Values of {@code settlement}, read by the gateway after "Solder la convention". */
  public static final String SETTLEMENT_BALANCE = "BALANCE";
  public static final String SETTLEMENT_RECOVERY = "RECOVERY";
  public static final String SETTLEMENT_NONE = "NONE";
  public static final String VAR_INTERIM_REPORT_IDS = "interimReportIds";
  public static final String VAR_FINAL_REPORT_ID = "finalReportId";
  public static final String VAR_AMENDMENT_ID = "amendmentId";

  // variables of the forms and delegates (their names are written only here)
  public static final String VAR_AGREEMENT_AMOUNT = "agreementAmount";
  public static final String VAR_AGREEMENT_ERROR = "agreementError";
  public static final String VAR_AGREEMENT_UNITS = "agreementUnits";
  public static final String VAR_AMENDMENT_APPROVED = "amendmentApproved";
  public static final String VAR_AMENDMENT_COMMENT = "amendmentComment";
  public static final String VAR_AMENDMENT_DECISION = "amendmentDecision";
  public static final String VAR_AMENDMENT_ERROR = "amendmentError";
  public static final String VAR_AMENDMENT_NEW_AMOUNT = "amendmentNewAmount";
  public static final String VAR_AMENDMENT_NEW_PERIOD_END = "amendmentNewPeriodEnd";
  public static final String VAR_AMENDMENT_REASON = "amendmentReason";
  public static final String VAR_DECISION_DATE = "decisionDate";
  public static final String VAR_FINAL_REPORT_APPROVED = "finalReportApproved";
  public static final String VAR_FINAL_REPORT_DECISION = "finalReportDecision";
  public static final String VAR_FINAL_REPORT_DUE_LABEL = "finalReportDueLabel";
  public static final String VAR_INDICATORS = "indicators";
  public static final String VAR_INTERIM_REPORT_COUNT = "interimReportCount";
  public static final String VAR_JUSTIFIED_EXPENSES = "justifiedExpenses";
  public static final String VAR_MANDATE_NUMBER = "mandateNumber";
  public static final String VAR_NOTICE_SENT_LABEL = "noticeSentLabel";
  public static final String VAR_OPERATOR_SIGNED_ON = "operatorSignedOn";
  public static final String VAR_PAYMENT_AMOUNT_LABEL = "paymentAmountLabel";
  public static final String VAR_PAYMENT_DATE = "paymentDate";
  public static final String VAR_PAYMENT_ERROR = "paymentError";
  public static final String VAR_PAYMENT_KIND_LABEL = "paymentKindLabel";
  public static final String VAR_PAYMENT_ORDER_NUMBER = "paymentOrderNumber";
  public static final String VAR_PAYMENT_SCHEDULE = "paymentSchedule";
  public static final String VAR_PERIOD_END = "periodEnd";
  public static final String VAR_PERIOD_START = "periodStart";
  public static final String VAR_PRESIDENT_SIGNED_ON = "presidentSignedOn";
  public static final String VAR_QUANTITIES = "quantities";
  public static final String VAR_REPORT_DUE_LABEL = "reportDueLabel";
  public static final String VAR_REPORT_ID = "reportId";
  public static final String VAR_REPORT_LABEL = "reportLabel";
  public static final String VAR_REPORT_RECEIVED_ON = "reportReceivedOn";
  public static final String VAR_REPORT_SUMMARY = "reportSummary";
  public static final String VAR_SERVICE_ERROR = "serviceError";
  public static final String VAR_SERVICE_RENDERED_ON = "serviceRenderedOn";
  public static final String VAR_SIGNATURE_ERROR = "signatureError";
  public static final String VAR_TERMINATION_REASON = "terminationReason";

  private GrantAgreementProcess() {}
}
