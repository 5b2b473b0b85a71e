package fr.pasdecalais.habitat.aap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import fr.pasdecalais.habitat.aap.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** E-mails really go through SMTP (GreenMail in the test JVM); a failed send is retried, never lost. */
@SpringScenarioTest
class NotificationMailTest {

  @Autowired NotificationService notifications;
  @Autowired NotificationRepository repository;
  @Autowired ProcessEngine engine;

  @Test
  void storedNotificationIsSentBySmtpInFrench() throws Exception {
    String to = "porteur-" + UUID.randomUUID() + "@exemple.fr";
    Notification n = notifications.store(NotificationKind.REGULARIZATION_REQUEST, to,
        "Dossier AAP-2023-TEST-0001 : pièces à régulariser",
        "Madame, Monsieur,\n\nIl manque à votre dossier : le budget prévisionnel.", "AAP-2023-TEST-0001");

    notifications.send(n.getId());

    var messages = TestMailServer.messagesTo(to);
    assertThat(messages).hasSize(1);
    MimeMessage mail = messages.get(0);
    assertThat(mail.getSubject()).isEqualTo("Dossier AAP-2023-TEST-0001 : pièces à régulariser");
    assertThat(mail.getFrom()[0].toString()).contains("appels-a-projets@pasdecalais.fr");
    assertThat(((String) mail.getContent()).trim()).endsWith("Il manque à votre dossier : le budget prévisionnel.");
    Notification sent = repository.findById(n.getId()).orElseThrow();
    assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.getAttempts()).isEqualTo(1);
    assertThat(sent.getSentAt()).isNotNull();
    assertThat(mail.getMessageID()).isEqualTo("<notification-" + n.getId() + "@appels-a-projets.pasdecalais.fr>");

    // sending again (a retried job) does not send twice
    notifications.send(n.getId());
    assertThat(TestMailServer.messagesTo(to)).hasSize(1);
  }

  @Test
  void aFailedSendKeepsTheNotificationAndTheEngineRetriesTheJob() {
    deploySendProcess();
    String to = "retry-" + UUID.randomUUID() + "@exemple.fr";
    Notification n = notifications.store(NotificationKind.DECISION_GRANTED, to, "Décision", "Subvention accordée.", null);
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("Process_TestSend",
        Map.of(ProcessContract.VAR_NOTIFICATION_ID, n.getId()));
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();

    TestMailServer.greenMail().stop();
    try {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
          .hasMessageContaining("a échoué");
    } finally {
      TestMailServer.greenMail().start();
    }
    Notification failed = repository.findById(n.getId()).orElseThrow();
    assertThat(failed.getStatus()).isEqualTo(NotificationStatus.FAILED);
    assertThat(failed.getAttempts()).isEqualTo(1);
    assertThat(failed.getLastError()).isNotBlank();
    Job retried = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(retried.getRetries()).isEqualTo(19); // R20/PT1M: 20 runs in all (config.FailedJobsInFrench)
    assertThat(TestMailServer.messagesTo(to)).isEmpty();

    engine.getManagementService().executeJob(retried.getId());

    assertThat(TestMailServer.messagesTo(to)).hasSize(1);
    Notification sent = repository.findById(n.getId()).orElseThrow();
    assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.getAttempts()).isEqualTo(2);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  /**
   * A crash between the SMTP send and the commit of SENT, reproduced in-process: the step after the send
   * task, in the same job (same transaction), fails once, so the job rolls back after the e-mail left.
   * The engine retries the job: the e-mail goes a second time, with the same Message-ID (receivers
   * deduplicate on it), and the notification ends SENT once, its two attempts counted.
   */
  @Test
  void aSendWhoseCommitFailsIsRetriedWithTheSameMessageIdAndTheNotificationIsSentOnce() throws Exception {
    engine.getRepositoryService().createDeployment().name("test-send-then-fail")
        .addModelInstance("test-send-then-fail.bpmn", Bpmn.createExecutableProcess("Process_TestSendThenFail")
            .name("Essai d'envoi puis d'échec").camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Start").name("Début")
            .sendTask("SendTask_Mail").name("Envoyer le courriel").camundaAsyncBefore()
            .camundaDelegateExpression("${sendNotification}")
            .serviceTask("Task_FailOnce").name("Échouer une fois après l'envoi")
            .camundaClass(FailOnceAfterTheSend.class.getName())
            .endEvent("EndEvent_Done").name("Fini")
            .done())
        .deploy();
    String to = "crash-" + UUID.randomUUID() + "@exemple.fr";
    Notification n = notifications.store(NotificationKind.DECISION_GRANTED, to, "Décision", "Subvention accordée.", null);
    FailOnceAfterTheSend.failures.set(1);
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("Process_TestSendThenFail",
        Map.of(ProcessContract.VAR_NOTIFICATION_ID, n.getId()));
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();

    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .hasMessageContaining("après l'envoi");

    // the e-mail left, the job rolled back: the attempt is visible, the notification is not SENT
    assertThat(TestMailServer.messagesTo(to)).hasSize(1);
    Notification crashed = repository.findById(n.getId()).orElseThrow();
    assertThat(crashed.getStatus()).isEqualTo(NotificationStatus.SENDING);
    assertThat(crashed.getAttempts()).isEqualTo(1);
    assertThat(crashed.getSentAt()).isNull();

    Job retried = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    engine.getManagementService().executeJob(retried.getId());

    var messages = TestMailServer.messagesTo(to);
    assertThat(messages).hasSize(2);
    assertThat(messages).extracting(MimeMessage::getMessageID)
        .containsOnly("<notification-" + n.getId() + "@appels-a-projets.pasdecalais.fr>");
    Notification sent = repository.findById(n.getId()).orElseThrow();
    assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.getAttempts()).isEqualTo(2);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();

    // the job run once more (a node that had locked it before its lock expired): nothing goes out
    notifications.send(n.getId());
    assertThat(TestMailServer.messagesTo(to)).hasSize(2);
  }

  private void deploySendProcess() {
    engine.getRepositoryService().createDeployment().name("test-send-notification")
        .addModelInstance("test-send-notification.bpmn", Bpmn.createExecutableProcess("Process_TestSend")
            .name("Essai d'envoi").camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Start").name("Début")
            .sendTask("SendTask_Mail").name("Envoyer le courriel").camundaAsyncBefore()
            .camundaDelegateExpression("${sendNotification}")
            .endEvent("EndEvent_Sent").name("Envoyé")
            .done())
        .deploy();
  }

  /** The step after the send, in the same transaction: fails as many times as asked (a failed commit). */
  public static class FailOnceAfterTheSend implements JavaDelegate {
    static final AtomicInteger failures = new AtomicInteger();

    @Override
    public void execute(DelegateExecution execution) {
      if (failures.getAndDecrement() > 0) {
        throw new IllegalStateException("Échec simulé après l'envoi, avant la validation de la transaction");
      }
    }
  }
}
