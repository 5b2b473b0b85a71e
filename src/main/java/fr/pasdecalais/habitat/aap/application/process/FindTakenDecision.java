package fr.pasdecalais.habitat.aap.application.process;

import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_CALL_REFERENCE;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_REFERENCE;


import fr.pasdecalais.habitat.aap.call.CallArrivals;
import fr.pasdecalais.habitat.aap.call.DecisionsTaken;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Rechercher une décision déjà prise", just before "Décision reçue": when the call already sent
 * its decisions while this dossier's score was being computed, it gets what {@code Message_Decision}
 * would have given it ({@code granted}, {@code awardDecisionId}, {@code decisionLabel}) and
 * {@code Gateway_DecisionAlreadyTaken} skips the wait. The call's row is locked first (see
 * {@link CallArrivals}), in the transaction that brings the dossier to the wait.
 */
@Component("findTakenDecision")
public class FindTakenDecision implements JavaDelegate {

  private final CallArrivals arrivals;
  private final DecisionsTaken decisions;

  public FindTakenDecision(CallArrivals arrivals, DecisionsTaken decisions) {
    this.arrivals = arrivals;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    arrivals.lock((String) execution.getVariable(VAR_CALL_REFERENCE));
    Optional<DecisionsTaken.TakenDecision> decision =
        decisions.decisionFor(execution.getProcessBusinessKey() != null ? execution.getProcessBusinessKey()
            : (String) execution.getVariable(VAR_REFERENCE));
    execution.setVariable(ApplicationProcess.VAR_DECISION_ALREADY_TAKEN, decision.isPresent());
    decision.ifPresent(d -> {
      execution.setVariable(fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_GRANTED, d.granted());
      execution.setVariable(fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_AWARD_DECISION_ID, d.awardDecisionId());
      execution.setVariable(fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_DECISION_LABEL, d.decisionLabel());
    });
  }
}
