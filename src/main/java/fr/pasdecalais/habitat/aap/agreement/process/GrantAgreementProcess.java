package fr.pasdecalais.habitat.aap.agreement.process;

/** Key, element ids, variables, messages and error codes of {@code grant-agreement.bpmn}. */
public final class GrantAgreementProcess {

  public static final String KEY = "grant-agreement";
  public static final String DECISION_PAYMENT_SCHEDULE = "Decision_PaymentSchedule";

  // messages (correlated by business key = dossier reference)
  public static final String MSG_AMENDMENT_REQUESTED = "Message_AmendmentRequested";
  public static final String MSG_TERMINATION_NOTICE = "Message_TerminationNotice";
  public static final String MSG_NOTICE_REMEDIED = "Message_NoticeRemedied";

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
  public static final String TASK_HANDLE_LATE_FINAL = "Task_HandleLateFinalReport";
  public static final String TASK_CERTIFY_SERVICE = "Task_CertifyService";
  public static final String TASK_VALIDATE_BALANCE = "Task_ValidateBalanceMandate";
  public static final String TASK_REVIEW_AMENDMENT = "Task_ReviewAmendment";
  public static final String TASK_STATE_EXPENSES = "Task_StateJustifiedExpenses";
  // service tasks and events
  public static final String TASK_ORDER_ADVANCE = "Task_OrderAdvance";
  public static final String END_CLOSED = "EndEvent_Closed";
  public static final String END_TERMINATED = "EndEvent_Terminated";

  // variables passed down by the application process
  // variables of this process
  public static final String VAR_AGREEMENT_ID = "agreementId";
  public static final String VAR_PAYMENT_ID = "paymentId";
  public static final String VAR_SETTLEMENT = "settlement";
  public static final String VAR_INTERIM_REPORT_IDS = "interimReportIds";
  public static final String VAR_FINAL_REPORT_ID = "finalReportId";
  public static final String VAR_AMENDMENT_ID = "amendmentId";

  private GrantAgreementProcess() {}
}
