package fr.pasdecalais.habitat.aap.jury;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.application.Dossiers;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.JurySession;
import fr.pasdecalais.habitat.aap.call.JurySessionRepository;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Jurors who give their opinions at the same minute: each opinion is recorded by a job of its own
 * jury-opinion instance, and those instances all end in the same dossier's « Recueillir l'avis de
 * chaque membre du jury ». Their jobs run side by side on the job executor; none may lose to
 * another. Each ended instance only leaves a job in the dossier ({@code asyncAfter} on the multi-instance's
 * inner activity); those jobs are exclusive to the dossier and count the opinions one after the other.
 * Without that boundary the jobs conflicted on the dossier's counter of completed instances
 * (optimistic locking) and the loser waited the retry cycle — this test then failed in every run.
 */
@SpringScenarioTest
class JurorsAtTheSameInstantScenarioTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;
  @Autowired ApplicationService service;
  @Autowired JuryService jury;
  @Autowired JuryOpinionRepository opinions;
  @Autowired JurySessionRepository sessions;
  @Autowired IdentitySetup identitySetup;

  Dossiers dossiers;
  CallForProjects call;
  List<String> members;

  @BeforeEach
  void setUp() {
    ProcessTestSupport.init(engine);
    dossiers = new Dossiers(catalog, reader, service);
    call = dossiers.call(true);
    members = call.getJury().stream().map(m -> m.getUserId()).toList();
    for (String member : members) {
      identitySetup.ensureUser(member, "Juré", member, "demo", Groups.JURY);
    }
    clock("2023-04-10T10:00:00");
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @RepeatedTest(3)
  void bothJurorsOpinionsRecordedAtTheSameInstantAreAllRecordedAtTheirFirstRunAndTheScoreFollows() throws Exception {
    ApplicationService.Submission s = dossiers.submit(call, Dossiers.email(), true);
    complete(task(s, TASK_CHECK_COMPLETENESS, null), Map.of("complete", "true"));
    complete(task(s, TASK_CHECK_ELIGIBILITY, null), Map.of("eligible", "true"));
    JurySession session = sessions.save(new JurySession(call, OffsetDateTime.of(2023, 9, 26, 9, 0, 0, 0, ZoneOffset.UTC),
        OffsetDateTime.of(2023, 9, 25, 12, 0, 0, 0, ZoneOffset.UTC), call.getJury(),
        "camille.martin", ProcessTestSupport.now()));
    runtime.createMessageCorrelation(MSG_JURY_CONVENED)
        .processInstanceVariableEquals(VAR_CALL_REFERENCE, call.getReference())
        .setVariable(VAR_JURY_MEMBERS, new ArrayList<>(members))
        .setVariable(VAR_OPINION_DEADLINE, Date.from(session.getOpinionDeadline().toInstant()))
        .setVariable(VAR_JURY_SESSION_ID, session.getId())
        .correlateAllWithResult();
    executeDueJobs(engine);
    for (String member : members) {
      complete(task(s, "Task_DeclareConflict", member), Map.of("conflictOfInterest", false));
    }
    for (String member : members) {
      // completed one after the other; the job executor would then run their recordings side by side
      tasks.complete(task(s, "Task_GiveOpinion", member).getId(), scores(4, 3, 4, 2));
    }

    ManagementService management = engine.getManagementService();
    List<Job> recordings = management.createJobQuery().activityId("Task_RecordOpinion").list().stream()
        .filter(j -> members.stream().anyMatch(m -> opinionOf(j, m, s))).toList();
    assertThat(recordings).hasSize(2);
    CyclicBarrier together = new CyclicBarrier(recordings.size());
    ExecutorService executor = Executors.newFixedThreadPool(recordings.size());
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (Job job : recordings) {
        runs.add(executor.submit(() -> {
          together.await();
          management.executeJob(job.getId());
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get(); // a lost conflict throws here: ENGINE-03005 OptimisticLockingException (nrOfCompletedInstances)
      }
    } finally {
      executor.shutdownNow();
    }

    String dossierInstance = applicationInstance(s);
    assertThat(management.createJobQuery().processInstanceId(dossierInstance).withException().count()).isZero();
    assertThat(opinions.findByApplicationIdOrderByMemberId(s.application().getId()))
        .extracting(JuryOpinion::getStatus).containsOnly(JuryOpinion.Status.SUBMITTED).hasSize(2);
    executeDueJobs(engine);
    assertThat(jury.progress(s.application().getId())).isEqualTo("2 avis sur 2");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(dossierInstance)
        .activityId("Task_ComputeScore").finished().count()).isOne();
    assertThat(runtime.createIncidentQuery().processInstanceId(dossierInstance).count()).isZero();
  }

  private boolean opinionOf(Job job, String member, ApplicationService.Submission s) {
    Object applicationId = runtime.getVariable(job.getProcessInstanceId(), "applicationId");
    return s.application().getId().equals(applicationId)
        && member.equals(runtime.getVariable(job.getProcessInstanceId(), "juryMember"));
  }

  private String applicationInstance(ApplicationService.Submission s) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("application")
        .processInstanceBusinessKey(s.application().getReference()).singleResult().getId();
  }

  private static Map<String, Object> scores(int s1, int s2, int s3, int s4) {
    Map<String, Object> vars = new HashMap<>(Map.of("score1", s1, "score2", s2, "score3", s3, "score4", s4));
    vars.put("avis", "FAVORABLE");
    vars.put("opinionComment", "Avis donné à la même minute que les autres");
    return vars;
  }

  private Task task(ApplicationService.Submission s, String key, String assignee) {
    var query = tasks.createTaskQuery().processInstanceBusinessKey(s.application().getReference());
    if (key != null) {
      query.taskDefinitionKey(key);
    }
    if (assignee != null) {
      query.taskAssignee(assignee);
    }
    return query.list().stream().findFirst().orElse(null);
  }

  private void complete(Task task, Map<String, Object> variables) {
    assertThat(task).as("tâche attendue").isNotNull();
    if (task.getAssignee() == null) {
      tasks.claim(task.getId(), "camille.martin");
    }
    tasks.complete(task.getId(), variables);
    executeDueJobs(engine);
  }
}
