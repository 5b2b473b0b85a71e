package fr.pasdecalais.habitat.aap.call.process;

import static fr.pasdecalais.habitat.aap.call.process.CallProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.call.CallProcessService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Compter les candidatures": of the whole call, or of the lot ({@code lotCode}) in {@code call-selection}
 * when the call is decided lot by lot (then the envelope shown to the forms is the lot's).
 */
@Component
public class CountCandidates implements JavaDelegate {
  private final CallProcessService service;

  public CountCandidates(CallProcessService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(VAR_CALL_REFERENCE);
    String lotCode = CallProcess.selectedLot(execution);
    long count = service.countActiveApplications(reference, lotCode);
    execution.setVariable(VAR_CANDIDATE_COUNT, count);
    execution.setVariable(VAR_HAS_CANDIDATES, count > 0);
    if (lotCode != null) {
      execution.setVariable(VAR_ENVELOPE_LABEL, service.envelopeLabel(reference, lotCode));
    }
  }
}
