package fr.pasdecalais.habitat.aap.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.agreement.AgreementScenarios;
import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.application.Dossiers;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallLifecycle;
import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The history decided in docs/adr/history.md: every process keeps who did what and when; the journal
 * of every variable value is kept where money moves, not for the instruction, whose decisions are in
 * the dossier's timeline; no removal time is stamped, and a process's history becomes removable ten
 * years after its own end.
 */
@SpringScenarioTest
class HistoryKeptPerProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired AgreementScenarios scenario;
  @Autowired JdbcTemplate jdbc;
  @Autowired CallLifecycle lifecycle;
  @Autowired CallDefinitionReader reader;
  @Autowired ApplicationService applications;

  HistoryService history;

  @BeforeEach
  void init() {
    ProcessTestSupport.init(engine);
    history = engine.getHistoryService();
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void anInstructedDossierKeepsWhoDecidedAndTheConventionKeepsEveryValueOfItsMoney() throws Exception {
    Application a = instructedDossier();
    HistoricProcessInstance instruction = instructionOf(a);
    assertThat(instruction.getEndTime()).as("instruction ended").isNotNull();

    ProcessTestSupport.clock("2023-10-25T10:00:00");
    ProcessInstance agreement = scenario.start(a);
    scenario.prepare(agreement, "42000", "20 mesures d'accompagnement de 12 mois", "2023-10-02");

    // who did what and when, for the instruction: the engine's tasks and user operations, the dossier's timeline
    List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(instruction.getId())
        .finished().list();
    assertThat(tasks).extracting(HistoricTaskInstance::getTaskDefinitionKey)
        .contains(ApplicationProcess.TASK_CHECK_COMPLETENESS, ApplicationProcess.TASK_CHECK_ELIGIBILITY);
    assertThat(tasks).allSatisfy(t -> {
      assertThat(t.getAssignee()).isEqualTo(AgreementScenarios.AGENT);
      assertThat(t.getEndTime()).isNotNull();
    });
    assertThat(history.createUserOperationLogQuery().processInstanceId(instruction.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
        .extracting(UserOperationLogEntry::getUserId).hasSize(2).containsOnly(AgreementScenarios.AGENT);
    assertThat(jdbc.queryForList("select type from application_event where application_id = ? and actor = ?",
        String.class, a.getId(), AgreementScenarios.AGENT)).contains("COMPLETUDE", "ELIGIBILITE");
    // the last value of each variable is kept; the journal of every value is not, for the instruction
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceIdIn(instruction.getId())
        .variableName("eligible").singleResult()).isNotNull();
    assertThat(history.createHistoricDetailQuery().processInstanceId(instruction.getId()).count()).isZero();

    // the convention: every value of its money journalled, with the task that set it
    assertThat(history.createHistoricDetailQuery().processInstanceId(agreement.getId()).variableUpdates().list())
        .extracting(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName())
        .contains("agreementAmount");
    assertThat(GrantAgreementProcess.KEY).isIn(AuditHistory.DETAILED);
  }

  @Test
  void aProcessHistoryBecomesRemovableTenYearsAfterItsOwnEndAndNoRemovalTimeIsStamped() throws Exception {
    Application a = instructedDossier();
    HistoricProcessInstance instruction = instructionOf(a);
    assertThat(instruction.getRemovalTime()).isNull();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instruction.getId()).list())
        .isNotEmpty().allSatisfy(i -> assertThat(i.getRemovalTime()).isNull());

    Instant end = instruction.getEndTime().toInstant();
    ClockUtil.setCurrentTime(Date.from(end.plus(3649, ChronoUnit.DAYS)));
    assertThat(cleanable()).doesNotContain(instruction.getId());
    ClockUtil.setCurrentTime(Date.from(end.plus(3651, ChronoUnit.DAYS)));
    assertThat(cleanable()).contains(instruction.getId());
  }

  /** A dossier filed while an ASTRE call (its process running) is open, as CallAndApplicationEndToEndTest files one. */
  private Application dossier() throws Exception {
    String ref = "AAP-HIST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    ProcessTestSupport.clock("2023-03-20T09:00:00");
    lifecycle.create(reader.read(ref + ".yaml",
        new ByteArrayInputStream(Dossiers.astreYaml(ref).getBytes(StandardCharsets.UTF_8))), true);
    ProcessTestSupport.executeDueJobs(engine);
    ProcessTestSupport.clock("2023-04-10T10:00:00");
    ProcessTestSupport.executeDueJobs(engine);
    return applications.submit(ref, Dossiers.request(Dossiers.siret(), Dossiers.email(), true, List.of("ARTOIS")),
        Dossiers.AGENT).application();
  }

  /** A dossier found complete and eligible by the agent: its instruction has ended. */
  private Application instructedDossier() throws Exception {
    Application a = dossier();
    completeAsAgent(a, ApplicationProcess.TASK_CHECK_COMPLETENESS, Map.of("complete", "true"));
    completeAsAgent(a, ApplicationProcess.TASK_CHECK_ELIGIBILITY, Map.of("eligible", "true"));
    return a;
  }

  private HistoricProcessInstance instructionOf(Application a) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(ApplicationProcess.INSTRUCTION_KEY)
        .processInstanceBusinessKey(a.getReference()).singleResult();
  }

  /** What the engine's history cleanup would remove now (its own query, read only). */
  private List<String> cleanable() {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return cfg.getCommandExecutorTxRequired().execute(context ->
        context.getHistoricProcessInstanceManager().findHistoricProcessInstanceIdsForCleanup(1_000_000, 0, 59));
  }

  private void completeAsAgent(Application a, String taskKey, Map<String, Object> variables) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(a.getReference())
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    engine.getIdentityService().setAuthentication(AgreementScenarios.AGENT, List.of(Groups.INSTRUCTEURS));
    try {
      engine.getTaskService().claim(task.getId(), AgreementScenarios.AGENT);
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    ProcessTestSupport.executeDueJobs(engine);
  }
}
