package fr.pasdecalais.habitat.aap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationRepository;
import fr.pasdecalais.habitat.aap.application.ApplicationState;
import fr.pasdecalais.habitat.aap.call.CallDefinition;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/**
 * The 2026 demo calls: the secretariat finds a deliberation to record, finance an advance to
 * validate; a second run creates nothing.
 */
@SpringScenarioTest
class DemoPastCallsTest {

  @Autowired AutowireCapableBeanFactory beans;
  /** A demo loader is a bean only with {@code aap.demo-data.enabled}: made here without forking the context. */
  DemoPastCalls demo;

  @BeforeEach
  void makeDemoLoader() {
    demo = beans.createBean(DemoPastCalls.class);
  }
  @Autowired CallDefinitionReader reader;
  @Autowired ApplicationRepository applications;
  @Autowired TaskService tasks;

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  private CallDefinition definition(String file, String reference) {
    String yaml = DemoPastCalls.yaml(file).replaceFirst("(?m)^reference: .*$", "reference: " + reference);
    return reader.read(reference + ".yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theSecretariatAndFinanceFindWork() {
    String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    CallDefinition deliberating = definition("demo-calls/aap-2026-astre.yaml", "AAP-DEMO-DELIB-" + suffix);
    CallDefinition mandating = definition("demo-calls/aap-2026-logement-jeunes.yaml", "AAP-DEMO-MANDAT-" + suffix);
    ProcessTestSupport.clock("2026-11-23T10:00:00");

    assertThat(demo.load(deliberating, DemoPastCalls.Stage.AWAITING_DELIBERATION)).isTrue();
    assertThat(demo.load(mandating, DemoPastCalls.Stage.ADVANCE_TO_MANDATE)).isTrue();

    List<Task> deliberation = tasks.createTaskQuery().taskCandidateGroup(Groups.SECRETARIAT)
        .taskDefinitionKey(CallProcess.TASK_RECORD_DELIBERATION).processInstanceBusinessKey(deliberating.reference()).list();
    assertThat(deliberation).hasSize(1);
    assertThat(deliberation.get(0).getName()).isEqualTo("Enregistrer la délibération");

    List<Application> granted = applications.findByCallReferenceOrderByReference(mandating.reference());
    assertThat(granted).hasSize(3);
    assertThat(granted.get(0).getState()).isEqualTo(ApplicationState.GRANTED);
    List<Task> mandate = tasks.createTaskQuery().taskCandidateGroup(Groups.FINANCES)
        .taskDefinitionKey(GrantAgreementProcess.TASK_VALIDATE_ADVANCE)
        .processInstanceBusinessKey(granted.get(0).getReference()).list();
    assertThat(mandate).hasSize(1);
    assertThat(mandate.get(0).getName()).isEqualTo("Valider le mandatement");

    long openTasks = tasks.createTaskQuery().count();
    assertThat(demo.load(deliberating, DemoPastCalls.Stage.AWAITING_DELIBERATION)).isFalse();
    assertThat(demo.load(mandating, DemoPastCalls.Stage.ADVANCE_TO_MANDATE)).isFalse();
    assertThat(applications.findByCallReferenceOrderByReference(deliberating.reference())).hasSize(3);
    assertThat(applications.findByCallReferenceOrderByReference(mandating.reference())).hasSize(3);
    assertThat(tasks.createTaskQuery().count()).isEqualTo(openTasks);
  }
}
