package fr.pasdecalais.habitat.aap.agreement.process;

/** Key and variables of {@code agreement-action.bpmn} ("Agir sur une convention en vigueur", started from Tasklist). */
public final class AgreementActionProcess {

  public static final String KEY = "agreement-action";

  public static final String VAR_AGREEMENT_NUMBER = "agreementNumber";
  public static final String VAR_AGREEMENT_ACTION = "agreementAction";
  public static final String VAR_ACTION_REASON = "actionReason";
  public static final String VAR_REPORT_DUE_ON = "reportDueOn";

  /** Values of {@code agreementAction}. */
  public enum Action { AMENDMENT, FORMAL_NOTICE, REMEDY, TERMINATION, REPORT_REQUEST }

  private AgreementActionProcess() {}
}
