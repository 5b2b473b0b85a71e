package fr.pasdecalais.habitat.aap.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.junit.jupiter.api.Test;

/**
 * The e-mail is the one effect of a job that a rollback cannot undo, so each send task is a job of its
 * own: {@code asyncBefore} (the send is retried alone, after the step that stored the notification
 * committed) and {@code asyncAfter} (SENT is committed right after the send; what follows — the end of
 * a called process, the parent going on, a message to the call — runs in the next job, and a conflict
 * or a failure there cannot send the e-mail again). A multi-instance send (the jury reminders) is
 * asynchronous per instance: each job sends one e-mail and creates the next instance's job.
 */
class SendTaskBoundariesTest {

  @Test
  void everySendTaskOfTheModelsIsAJobOfItsOwnBeforeAndAfterTheSend() throws IOException {
    List<String> sendTasks = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (SendTask task : model.getModelElementsByType(SendTask.class)) {
          String where = file.getFileName() + " " + task.getId();
          sendTasks.add(where);
          MultiInstanceLoopCharacteristics loop = (MultiInstanceLoopCharacteristics) task.getLoopCharacteristics();
          if (loop != null) {
            assertThat(loop.isCamundaAsyncBefore()).as(where + ": each instance a job").isTrue();
          } else {
            assertThat(task.isCamundaAsyncBefore()).as(where + " asyncBefore").isTrue();
            assertThat(task.isCamundaAsyncAfter()).as(where + " asyncAfter").isTrue();
          }
        }
      }
    }
    assertThat(sendTasks).hasSize(15);
  }
}
