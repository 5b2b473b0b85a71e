package fr.pasdecalais.habitat.aap.notification.process;

import fr.pasdecalais.habitat.aap.notification.NotificationService;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Send task "Envoyer le courriel" (always {@code camunda:asyncBefore}): sends the notification whose id
 * is in {@code notificationId} (null: the preceding step had nothing to send). A failure fails the
 * job, which the engine retries.
 */
@Component
public class SendNotification implements JavaDelegate {

  private final NotificationService notifications;

  public SendNotification(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Number id = (Number) execution.getVariable(ProcessContract.VAR_NOTIFICATION_ID);
    if (id == null) {
      // the preceding step decided that there is nothing to send (e.g. a reminder for an opinion already given)
      return;
    }
    notifications.send(id.longValue());
  }
}
