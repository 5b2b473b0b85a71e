package fr.pasdecalais.habitat.aap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import fr.pasdecalais.habitat.aap.support.TestMailServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Incidents that happen are actionable: a mail send that fails (the SMTP server down) is run 20
 * times one minute apart, and the job's message, then the incident's that Cockpit shows, says in
 * French what failed and what to do.
 */
@SpringScenarioTest
class FailedJobIncidentTest {

  @Autowired NotificationService notifications;
  @Autowired ProcessEngine engine;

  @Test
  void aFailedMailSendIsRunTwentyTimesOneMinuteApartThenAFrenchIncident() {
    engine.getRepositoryService().createDeployment().name("test-send-fails")
        .addModelInstance("test-send-fails.bpmn", Bpmn.createExecutableProcess("Process_TestSendFails")
            .name("Essai d'envoi en échec").camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Start").name("Début")
            .sendTask("SendTask_Mail").name("Envoyer le courriel").camundaAsyncBefore()
            .camundaDelegateExpression("${sendNotification}")
            .endEvent("EndEvent_Sent").name("Envoyé")
            .done())
        .deploy();
    String to = "panne-" + UUID.randomUUID() + "@exemple.fr";
    Notification n = notifications.store(NotificationKind.DECISION_GRANTED, to, "Décision", "Subvention accordée.", null);
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("Process_TestSendFails",
        Map.of(fr.pasdecalais.habitat.aap.shared.ProcessContract.VAR_NOTIFICATION_ID, n.getId()));

    TestMailServer.greenMail().stop();
    try {
      for (int attempt = 1; attempt <= 20; attempt++) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()));
        Job failed = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(failed.getRetries()).as("retries after attempt " + attempt).isEqualTo(20 - attempt);
        assertThat(failed.getExceptionMessage()).startsWith("Envoi du courriel impossible : serveur de messagerie");
        if (attempt < 20) {
          assertThat(failed.getExceptionMessage()).contains("Le moteur réessaiera " + (20 - attempt)
              + " fois toutes les minutes ; ensuite, vérifiez la configuration SMTP")
              .contains("relancez le job dans Cockpit");
          Duration backOff = Duration.between(ClockUtil.getCurrentTime().toInstant(), failed.getDuedate().toInstant());
          assertThat(backOff).isBetween(Duration.ofSeconds(55), Duration.ofMinutes(1).plusSeconds(5));
          assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        }
      }
    } finally {
      TestMailServer.greenMail().start();
    }
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getIncidentMessage()).startsWith("Envoi du courriel impossible")
        .contains("Le moteur a réessayé 20 fois toutes les minutes sans succès")
        .contains("vérifiez la configuration SMTP")
        .contains("relancez le job dans Cockpit");
    // the failed job and its incident would be seen by tests that count them across the engine
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "fin du test", true, true);
  }
}
