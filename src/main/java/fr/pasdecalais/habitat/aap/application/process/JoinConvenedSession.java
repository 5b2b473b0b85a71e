package fr.pasdecalais.habitat.aap.application.process;

import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_CALL_REFERENCE;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_JURY_MEMBERS;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_JURY_SESSION_ID;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_LOT_CODE;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_OPINION_DEADLINE;


import fr.pasdecalais.habitat.aap.call.CallArrivals;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.SelectionMode;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Rejoindre la séance du jury déjà convoquée", just before "Jury réuni": when the call's jury was
 * convened while this dossier was still in instruction, it gets what {@code Message_JuryConvened}
 * would have given it ({@code juryMembers}, {@code opinionDeadline}, {@code jurySessionId}) and
 * {@code Gateway_JuryAlreadyConvened} skips the wait. The call's row is locked first (see
 * {@link CallArrivals}), in the transaction that brings the dossier to the wait.
 */
@Component("joinConvenedSession")
public class JoinConvenedSession implements JavaDelegate {

  private final CallArrivals arrivals;
  private final CallCatalog calls;

  public JoinConvenedSession(CallArrivals arrivals, CallCatalog calls) {
    this.arrivals = arrivals;
    this.calls = calls;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String callReference = (String) execution.getVariable(VAR_CALL_REFERENCE);
    boolean juryExpected = calls.getByReference(callReference).getSelectionMode() != SelectionMode.WITHOUT_JURY;
    execution.setVariable(ApplicationProcess.VAR_JURY_EXPECTED, juryExpected);
    if (!juryExpected) {
      // selected without a jury: straight to the decision, no session to wait for
      execution.setVariable(ApplicationProcess.VAR_JURY_ALREADY_CONVENED, false);
      return;
    }
    Optional<CallArrivals.ConvenedSession> session =
        arrivals.convenedSession(callReference, (String) execution.getVariable(VAR_LOT_CODE));
    execution.setVariable(ApplicationProcess.VAR_JURY_ALREADY_CONVENED, session.isPresent());
    session.ifPresent(s -> {
      execution.setVariable(VAR_JURY_MEMBERS, s.juryMembers());
      execution.setVariable(VAR_OPINION_DEADLINE, s.opinionDeadline());
      execution.setVariable(VAR_JURY_SESSION_ID, s.jurySessionId());
    });
  }
}
