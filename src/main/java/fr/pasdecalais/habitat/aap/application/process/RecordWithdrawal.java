package fr.pasdecalais.habitat.aap.application.process;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.application.Withdrawals;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Enregistrer le désistement". */
@Component
public class RecordWithdrawal implements JavaDelegate {
  private final Withdrawals service;

  public RecordWithdrawal(Withdrawals service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ProcessContract.VAR_NOTIFICATION_ID, service.recordWithdrawal(ApplicationExecution.applicationId(execution),
        (String) execution.getVariable(VAR_WITHDRAWAL_REASON), (String) execution.getVariable(VAR_WITHDRAWN_BY)));
  }
}
