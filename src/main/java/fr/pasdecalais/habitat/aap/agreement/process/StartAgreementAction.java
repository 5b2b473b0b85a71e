package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.AgreementActionProcess.VAR_ACTION_REASON;
import static fr.pasdecalais.habitat.aap.agreement.process.AgreementActionProcess.VAR_AGREEMENT_ACTION;
import static fr.pasdecalais.habitat.aap.agreement.process.AgreementActionProcess.VAR_AGREEMENT_NUMBER;
import static fr.pasdecalais.habitat.aap.agreement.process.AgreementActionProcess.VAR_REPORT_DUE_ON;

import fr.pasdecalais.habitat.aap.agreement.AgreementActions;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.identity.EngineAsCaller;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.EngineRefusal;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Transmettre l'action à la convention": the start form's action, done by {@link AgreementActions}
 * as the agent who started it (read from the engine, never from a variable). Synchronous with the
 * start: a refusal (unknown convention, not in force, notice already running…) rolls the start back
 * and Tasklist shows its French message; nothing is started, no incident.
 */
@Component
public class StartAgreementAction implements JavaDelegate {

  private final AgreementActions actions;
  private final EngineAsCaller callers;

  public StartAgreementAction(AgreementActions actions, EngineAsCaller callers) {
    this.actions = actions;
    this.callers = callers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    try {
      run(execution);
    } catch (DomainException e) {
      throw EngineRefusal.of(e);
    }
  }

  private void run(DelegateExecution execution) {
    Caller caller = callers.current().orElseThrow(() -> DomainException.forbidden(
        "Une action sur une convention est demandée par un agent connecté."));
    String number = (String) execution.getVariable(VAR_AGREEMENT_NUMBER);
    String reason = (String) execution.getVariable(VAR_ACTION_REASON);
    AgreementActionProcess.Action action;
    try {
      action = AgreementActionProcess.Action.valueOf(String.valueOf(execution.getVariable(VAR_AGREEMENT_ACTION)));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(VAR_AGREEMENT_ACTION, "Choisissez l'action à mener sur la convention.");
    }
    switch (action) {
      case AMENDMENT -> actions.requestAmendment(number, reason, caller);
      case FORMAL_NOTICE -> actions.issueFormalNotice(number, reason, caller);
      case REMEDY -> actions.remedyFormalNotice(number, caller);
      case TERMINATION -> actions.terminate(number, reason, caller);
      case REPORT_REQUEST -> actions.requestReport(number, null, FormValues.date(execution.getVariable(VAR_REPORT_DUE_ON)),
          caller);
    }
  }
}
