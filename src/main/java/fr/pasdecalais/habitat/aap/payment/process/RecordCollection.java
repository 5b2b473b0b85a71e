package fr.pasdecalais.habitat.aap.payment.process;

import static fr.pasdecalais.habitat.aap.payment.process.PaymentCollectionProcess.VAR_COLLECTED_ON;
import static fr.pasdecalais.habitat.aap.payment.process.PaymentCollectionProcess.VAR_COLLECTION_AMOUNT;
import static fr.pasdecalais.habitat.aap.payment.process.PaymentCollectionProcess.VAR_COLLECTION_REFERENCE;
import static fr.pasdecalais.habitat.aap.payment.process.PaymentCollectionProcess.VAR_RECOVERY_ORDER_NUMBER;

import fr.pasdecalais.habitat.aap.identity.EngineAsCaller;
import fr.pasdecalais.habitat.aap.payment.RecoveryCollections;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.EngineRefusal;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer l'encaissement": the start form's collection on a titre de recette, recorded as the
 * finance officer who started it, who must belong to the payer group of the titre's convention
 * ({@code finances} or {@code etat-finances}, see {@code payment.PayerGroups}; otherwise 403). Synchronous with the start: a refusal rolls it back with its
 * French message.
 */
@Component
public class RecordCollection implements JavaDelegate {

  private final RecoveryCollections collections;
  private final EngineAsCaller callers;

  public RecordCollection(RecoveryCollections collections, EngineAsCaller callers) {
    this.collections = collections;
    this.callers = callers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    try {
      run(execution);
    } catch (DomainException e) {
      throw EngineRefusal.of(e); // a titre of the other payer: 403 with its French sentence, the start rolls back
    }
  }

  private void run(DelegateExecution execution) {
    var who = callers.current().orElseThrow(() -> DomainException.forbidden(
        "Un encaissement est enregistré par un agent des finances connecté."));
    collections.collect((String) execution.getVariable(VAR_RECOVERY_ORDER_NUMBER),
        FormValues.amount(execution.getVariable(VAR_COLLECTION_AMOUNT)),
        FormValues.date(execution.getVariable(VAR_COLLECTED_ON)),
        (String) execution.getVariable(VAR_COLLECTION_REFERENCE), who);
  }
}
