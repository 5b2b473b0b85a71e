package fr.pasdecalais.habitat.aap.decision;

import static fr.pasdecalais.habitat.aap.call.CallProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.identity.Actors;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.JsonVariables;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The service tasks of {@code call-for-projects} about selection and decisions. */
public final class DecisionDelegates {

  private DecisionDelegates() {}

  /** "Calculer le classement": the synthesis form's list, pre-filled. */
  @Component("rankCandidatesDelegate")
  public static class RankCandidates implements JavaDelegate {
    private final SelectionService service;

    public RankCandidates(SelectionService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable(VAR_PROPOSALS, JsonVariables.json(service.ranking((String) execution.getVariable(VAR_CALL_REFERENCE))));
      execution.setVariable(VAR_SYNTHESIS_ERROR, null);
    }
  }

  /** "Vérifier l'enveloppe": a refused synthesis goes back to the form with the reason ({@code synthesisError}). */
  @Component("checkEnvelopeDelegate")
  public static class CheckEnvelope implements JavaDelegate {
    private final SelectionService service;

    public CheckEnvelope(SelectionService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      try {
        String summary = service.checkAndStore((String) execution.getVariable(VAR_CALL_REFERENCE),
            JsonVariables.tree(execution.getVariable(VAR_PROPOSALS)));
        execution.setVariable(VAR_PROPOSAL_SUMMARY, summary);
        execution.setVariable(VAR_SYNTHESIS_ERROR, null);
      } catch (SelectionService.SynthesisRefusedException e) {
        throw new BpmnError(ERROR_SYNTHESIS_REFUSED, e.getMessage());
      }
    }
  }

  /** "Contrôler la délibération": stores the act; a wrong record goes back to the form ({@code deliberationError}). */
  @Component("saveDeliberationDelegate")
  public static class SaveDeliberation implements JavaDelegate {
    private final DeliberationService service;

    public SaveDeliberation(DeliberationService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Object adopted = execution.getVariable(VAR_DELIBERATION_ADOPTED);
      DeliberationService.DeliberationInput in = new DeliberationService.DeliberationInput(
          (String) execution.getVariable("deliberationNumber"),
          FormValues.date(execution.getVariable("deliberationDate")),
          FormValues.integer(execution.getVariable("votesFor")),
          FormValues.integer(execution.getVariable("votesAgainst")),
          FormValues.integer(execution.getVariable("votesAbstention")),
          FormValues.integer(execution.getVariable("votesAbsent")),
          adopted == null ? null : Boolean.valueOf(adopted.toString()),
          (String) execution.getVariable("decisionReference"));
      try {
        String recordedBy = Actors.lastAssignee(execution,
            TASK_RECORD_DELIBERATION);
        Deliberation d = service.record((String) execution.getVariable(VAR_CALL_REFERENCE), in,
            Actors.SYSTEM.equals(recordedBy) ? null : recordedBy);
        execution.setVariable(VAR_DELIBERATION_ID, d.getId());
        execution.setVariable(VAR_DELIBERATION_ADOPTED, d.isAdopted());
        execution.setVariable(VAR_DELIBERATION_LABEL, d.frenchLabel());
        execution.setVariable(VAR_DELIBERATION_ERROR, null);
      } catch (DeliberationService.InvalidDeliberationException e) {
        throw new BpmnError(ERROR_INVALID_DELIBERATION, e.getMessage());
      }
    }
  }

  /** "Notifier les décisions". */
  @Component("sendDecisionsDelegate")
  public static class SendDecisions implements JavaDelegate {
    private final DeliberationService service;

    public SendDecisions(DeliberationService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String summary = service.awardAndNotify((String) execution.getVariable(VAR_CALL_REFERENCE),
          ((Number) execution.getVariable(VAR_DELIBERATION_ID)).longValue());
      execution.setVariable(VAR_REVIEW_SUMMARY, summary);
    }
  }
}
