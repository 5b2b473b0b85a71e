package fr.pasdecalais.habitat.aap.agreement.process;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.VAR_AGREEMENT_AMOUNT;

import fr.pasdecalais.habitat.aap.agreement.AgreementLifecycleService;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import fr.pasdecalais.habitat.aap.shared.ProcessVariables;
import fr.pasdecalais.habitat.aap.shared.RefusedException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code grant-agreement} ("Subvention accordée"), run in the transaction of the
 * start itself, whoever started it (the application's call activity, the REST API, the Java API): a
 * convention only for a dossier whose award decision is recorded as granted, one running convention
 * per dossier. A refusal ({@link RefusedException}, French) rolls the whole start back: no instance,
 * no row. The dossier's own data then replace whatever the start passed (reference, organisation,
 * call, lot; only what differs is written); the amount is the decision's (see {@link fr.pasdecalais.habitat.aap.agreement.AgreementFormService#preparationVariables}).
 */
@Component
public class GrantAgreementStartPrecondition implements ExecutionListener {

  private final AgreementLifecycleService agreements;

  public GrantAgreementStartPrecondition(AgreementLifecycleService agreements) {
    this.agreements = agreements;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object id = execution.getVariable(ProcessContract.VAR_APPLICATION_ID);
    if (id != null && !(id instanceof Number)) {
      throw new RefusedException("applicationId", "Le dossier indiqué (« " + id + " ») n'est pas un numéro de dossier : "
          + "aucune convention ne peut être établie.");
    }
    Application a = agreements.requireGrantedDossier(id == null ? null : ((Number) id).longValue(),
        execution.getProcessBusinessKey()).application();
    long running = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(GrantAgreementProcess.KEY).processInstanceBusinessKey(a.getReference()).count();
    if (running > 0) {
      throw new RefusedException("agreement", "Une convention est déjà en cours pour le dossier " + a.getReference()
          + " : elle ne s'établit pas une seconde fois.");
    }
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(a.getReference());
    }
    ProcessVariables.setChanged(execution, ProcessContract.VAR_APPLICATION_ID, a.getId());
    ProcessVariables.setChanged(execution, ProcessContract.VAR_REFERENCE, a.getReference());
    ProcessVariables.setChanged(execution, ProcessContract.VAR_ORGANIZATION_NAME, a.getOrganization().getName());
    ProcessVariables.setChanged(execution, ProcessContract.VAR_CALL_REFERENCE, a.getCallReference());
    ProcessVariables.setChanged(execution, ProcessContract.VAR_LOT_CODE, a.getLotCode());
    execution.removeVariable(VAR_AGREEMENT_AMOUNT);
  }
}
