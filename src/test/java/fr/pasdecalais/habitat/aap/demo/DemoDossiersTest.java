package fr.pasdecalais.habitat.aap.demo;

import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationRepository;
import fr.pasdecalais.habitat.aap.application.ApplicationState;
import fr.pasdecalais.habitat.aap.application.OrganizationMemberRepository;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/** The demo dossiers: on the demo call open "today", at different stages, so every demo account has work; idempotent. */
@SpringScenarioTest
class DemoDossiersTest {

  @Autowired AutowireCapableBeanFactory beans;
  /** A demo loader is a bean only with {@code aap.demo-data.enabled}: made here without forking the context. */
  DemoDossiers demo;

  @BeforeEach
  void makeDemoLoader() {
    demo = beans.createBean(DemoDossiers.class);
  }
  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;
  @Autowired ApplicationRepository applications;
  @Autowired OrganizationMemberRepository members;
  @Autowired TaskService tasks;

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @Test
  void dossiersAtEveryStageOnTheOpenCall() throws Exception {
    CallForProjects call;
    String reference = "AAP-DEMO-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    try (InputStream in = getClass().getResourceAsStream("/calls/aap-2027-astre.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("reference: AAP-2027-ASTRE", "reference: " + reference);
      call = catalog.create(reader.read(reference + ".yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }
    ProcessTestSupport.clock("2026-11-23T10:00:00");

    assertThat(demo.load(call)).isEqualTo(5);

    List<Application> dossiers = applications.findByCallReferenceOrderByReference(reference);
    assertThat(dossiers).extracting(Application::getState).containsExactly(ApplicationState.RECEIVED,
        ApplicationState.REGULARIZATION, ApplicationState.COMPLETE, ApplicationState.UNDER_JURY_REVIEW,
        ApplicationState.UNDER_JURY_REVIEW);
    assertThat(task(dossiers.get(0), TASK_CHECK_COMPLETENESS)).isEqualTo(1);
    assertThat(task(dossiers.get(1), TASK_AWAIT_PIECES)).isEqualTo(1);
    assertThat(task(dossiers.get(2), TASK_CHECK_ELIGIBILITY)).isEqualTo(1);
    for (String member : call.getJury().stream().map(j -> j.getUserId()).toList()) {
      assertThat(tasks.createTaskQuery().taskAssignee(member).taskDefinitionKey("Task_DeclareConflict")
          .processInstanceBusinessKeyIn(dossiers.get(3).getReference(), dossiers.get(4).getReference()).count())
          .as(member).isEqualTo(2);
    }
    assertThat(members.existsByUserIdAndOrganizationId(DemoDossiers.PARTNER_USER, dossiers.get(0).getOrganization().getId())).isTrue();

    assertThat(demo.load(call)).isZero();
    assertThat(applications.findByCallReferenceOrderByReference(reference)).hasSize(5);
  }

  private long task(Application a, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(a.getReference()).taskDefinitionKey(key).count();
  }
}
