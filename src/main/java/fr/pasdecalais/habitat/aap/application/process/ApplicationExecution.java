package fr.pasdecalais.habitat.aap.application.process;

import static fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_APPLICATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reading the dossier processes' variables, for their delegates. */
final class ApplicationExecution {

  private ApplicationExecution() {}

  static long applicationId(DelegateExecution execution) {
    return ((Number) execution.getVariable(VAR_APPLICATION_ID)).longValue();
  }
}
