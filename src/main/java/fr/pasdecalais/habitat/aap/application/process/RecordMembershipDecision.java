package fr.pasdecalais.habitat.aap.application.process;

import static fr.pasdecalais.habitat.aap.application.process.MembershipProcess.*;

import fr.pasdecalais.habitat.aap.application.OrganizationMemberships;
import fr.pasdecalais.habitat.aap.identity.Actors;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la décision de rattachement": the instructeur's decision of "Valider le rattachement
 * d'un compte partenaire" — accepted, the account acts for the organisation; refused, the refusal
 * and its reason are recorded. Writes {@code membershipGranted} and the e-mail to send.
 */
@Component
public class RecordMembershipDecision implements JavaDelegate {

  private final OrganizationMemberships memberships;

  public RecordMembershipDecision(OrganizationMemberships memberships) {
    this.memberships = memberships;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long requestId = ((Number) execution.getVariable(VAR_REQUEST_ID)).longValue();
    OrganizationMemberships.Decision decision = memberships.decide(requestId,
        FormValues.bool(execution.getVariable(VAR_ACCEPTED)), (String) execution.getVariable(VAR_REFUSAL_REASON),
        Actors.lastAssignee(execution, TASK_VALIDATE));
    execution.setVariable(VAR_GRANTED, decision.granted());
    execution.setVariable(ProcessContract.VAR_NOTIFICATION_ID, decision.notificationId());
  }
}
