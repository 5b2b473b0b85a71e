package fr.pasdecalais.habitat.aap.jury;

import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.application.ApplicationState;
import fr.pasdecalais.habitat.aap.application.Dossiers;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.JurySession;
import fr.pasdecalais.habitat.aap.call.JurySessionRepository;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.shared.RefusedException;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A jury opinion is opened only for a member who sits in the session examining the dossier, and
 * recorded only in the name of the task's assignee, whatever the variables say.
 */
@SpringScenarioTest
class JuryOpinionPreconditionsScenarioTest {

  private static final String OPINION_PROCESS = "jury-opinion";
  private static final String OUTSIDER = "intrus.jury";
  private static final String NOT_YOURS =
      "Cet avis ne peut être enregistré qu'au nom du membre du jury à qui la tâche est attribuée.";

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
  String memberA;
  String memberB;

  @BeforeEach
  void setUp() {
    ProcessTestSupport.init(engine);
    dossiers = new Dossiers(catalog, reader, service);
    call = dossiers.call(true);
    memberA = call.getJury().get(0).getUserId();
    memberB = call.getJury().get(1).getUserId();
    identitySetup.ensureUser(memberA, "Sophie", "Dubois", "demo", Groups.JURY);
    identitySetup.ensureUser(memberB, "Thomas", "Leroy", "demo", Groups.JURY);
    identitySetup.ensureUser(OUTSIDER, "Ivan", "Trus", "demo", Groups.JURY);
    clock("2023-04-10T10:00:00");
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  private ApplicationService.Submission eligibleDossier() {
    ApplicationService.Submission s = dossiers.submit(call, Dossiers.email(), true);
    completeAs("camille.martin", task(s, TASK_CHECK_COMPLETENESS), Map.of("complete", "true"));
    executeDueJobs(engine);
    completeAs("camille.martin", task(s, TASK_CHECK_ELIGIBILITY), Map.of("eligible", "true"));
    executeDueJobs(engine);
    return s;
  }

  private JurySession session() {
    return sessions.save(new JurySession(call, OffsetDateTime.of(2023, 9, 26, 9, 0, 0, 0, ZoneOffset.UTC),
        OffsetDateTime.of(2023, 9, 25, 12, 0, 0, 0, ZoneOffset.UTC), call.getJury().subList(0, 2),
        "camille.martin", ProcessTestSupport.now()));
  }

  private JurySession convene() {
    JurySession session = session();
    runtime.createMessageCorrelation(MSG_JURY_CONVENED)
        .processInstanceVariableEquals(VAR_CALL_REFERENCE, call.getReference())
        .setVariable(VAR_JURY_MEMBERS, new ArrayList<>(List.of(memberA, memberB)))
        .setVariable(VAR_OPINION_DEADLINE, Date.from(session.getOpinionDeadline().toInstant()))
        .setVariable(VAR_JURY_SESSION_ID, session.getId())
        .correlateAllWithResult();
    executeDueJobs(engine);
    return session;
  }

  private Map<String, Object> opinionStart(ApplicationService.Submission s, Long sessionId, String member) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("applicationId", s.application().getId());
    vars.put("jurySessionId", sessionId);
    vars.put("juryMember", member);
    vars.put("opinionDeadline", new Date());
    return vars;
  }

  private long opinionInstances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(OPINION_PROCESS).count();
  }

  @Test
  void startingAnOpinionForSomeoneWhoDoesNotSitInTheJuryIsRefused() {
    ApplicationService.Submission s = eligibleDossier();
    JurySession session = convene();
    long before = opinionInstances();

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(OPINION_PROCESS, s.application().getReference(),
        opinionStart(s, session.getId(), OUTSIDER)))
        .isInstanceOf(RefusedException.class)
        .hasMessage("« " + OUTSIDER + " » ne siège pas au jury de la séance qui examine le dossier "
            + s.application().getReference() + " : aucun avis ne peut être ouvert à son nom.");
    assertThat(opinionInstances()).isEqualTo(before);
    assertThat(opinions.findByApplicationIdAndMemberId(s.application().getId(), OUTSIDER)).isEmpty();
    assertThat(tasks.createTaskQuery().taskAssignee(OUTSIDER).count()).isZero();
  }

  @Test
  void startingAnOpinionWithMissingVariablesIsRefusedInFrenchNotWithANullPointer() {
    ApplicationService.Submission s = eligibleDossier();
    JurySession session = convene();
    long before = opinionInstances();

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(OPINION_PROCESS))
        .isInstanceOf(RefusedException.class)
        .hasMessage("Un avis du jury porte sur un dossier : aucun dossier n'est indiqué.");
    Map<String, Object> noMember = opinionStart(s, session.getId(), null);
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(OPINION_PROCESS, noMember))
        .isInstanceOf(RefusedException.class).hasMessageContaining("aucun membre n'est indiqué");
    Map<String, Object> noSession = opinionStart(s, null, memberA);
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(OPINION_PROCESS, noSession))
        .isInstanceOf(RefusedException.class).hasMessageContaining("aucune séance n'est indiquée");
    assertThat(opinionInstances()).isEqualTo(before);
  }

  @Test
  void startingAnOpinionForADossierThatIsNotAtTheJuryStepIsRefused() {
    ApplicationService.Submission s = eligibleDossier();
    assertThat(service.get(s.application().getId()).getState()).isEqualTo(ApplicationState.ELIGIBLE);
    JurySession session = session();

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(OPINION_PROCESS, opinionStart(s, session.getId(), memberA)))
        .isInstanceOf(RefusedException.class).hasMessageContaining("n'est pas soumis au jury de cette séance");
    assertThat(opinions.findByApplicationIdOrderByMemberId(s.application().getId())).isEmpty();
  }

  @Test
  void aJurorWhoRenamesTheirOpinionCannotCompleteItAndTheRealOpinionsAreThenRecorded() {
    ApplicationService.Submission s = eligibleDossier();
    convene();
    Task conflict = juryTask(s, memberA, "Task_DeclareConflict");
    runtime.setVariable(conflict.getProcessInstanceId(), "juryMember", memberB);

    assertThatThrownBy(() -> tasks.complete(conflict.getId(), Map.of("conflictOfInterest", false)))
        // the engine wraps a task listener's exception (ENGINE-03051); the French reason is kept
        .hasMessageContaining(NOT_YOURS).hasRootCauseInstanceOf(RefusedException.class).hasRootCauseMessage(NOT_YOURS);
    assertThat(tasks.createTaskQuery().taskId(conflict.getId()).count()).isOne();

    runtime.setVariable(conflict.getProcessInstanceId(), "juryMember", memberA);
    tasks.complete(conflict.getId(), Map.of("conflictOfInterest", false));
    Task opinion = juryTask(s, memberA, "Task_GiveOpinion");
    runtime.setVariable(opinion.getProcessInstanceId(), "juryMember", memberB);

    assertThatThrownBy(() -> tasks.complete(opinion.getId(), scores(1, 1, 1, 1, "DEFAVORABLE")))
        // the engine wraps a task listener's exception (ENGINE-03051); the French reason is kept
        .hasMessageContaining(NOT_YOURS).hasRootCauseInstanceOf(RefusedException.class).hasRootCauseMessage(NOT_YOURS);
    executeDueJobs(engine);
    assertThat(tasks.createTaskQuery().taskId(opinion.getId()).count()).isOne();
    assertThat(opinions.findByApplicationIdOrderByMemberId(s.application().getId()))
        .extracting(JuryOpinion::getStatus).containsOnly(JuryOpinion.Status.PENDING);
    assertThat(engine.getManagementService().createJobQuery().withException().count()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(opinion.getProcessInstanceId()).count()).isZero();

    // the other juror's own opinion, in their own task, is recorded in their name
    tasks.complete(juryTask(s, memberB, "Task_DeclareConflict").getId(), Map.of("conflictOfInterest", false));
    tasks.complete(juryTask(s, memberB, "Task_GiveOpinion").getId(), scores(4, 4, 4, 4, "FAVORABLE"));
    // and the first juror's, once the variable names them again
    runtime.setVariable(opinion.getProcessInstanceId(), "juryMember", memberA);
    tasks.complete(opinion.getId(), scores(5, 4, 3, 2, "FAVORABLE_AVEC_RESERVES"));
    executeDueJobs(engine);

    List<JuryOpinion> recorded = opinions.findByApplicationIdOrderByMemberId(s.application().getId());
    assertThat(recorded).extracting(JuryOpinion::getMemberId, JuryOpinion::getStatus, JuryOpinion::getAvis)
        .containsExactlyInAnyOrder(tuple(memberA, JuryOpinion.Status.SUBMITTED, JuryOpinion.Avis.FAVORABLE_AVEC_RESERVES),
            tuple(memberB, JuryOpinion.Status.SUBMITTED, JuryOpinion.Avis.FAVORABLE));
    // 25×5/5 + 30×4/5 + 25×3/5 + 20×2/5 = 72 for the first juror
    assertThat(recorded.stream().filter(o -> o.getMemberId().equals(memberA)).findFirst().orElseThrow()
        .getWeightedScore()).isEqualByComparingTo("72.00");
    assertThat(jury.progress(s.application().getId())).isEqualTo("2 avis sur 2");
  }

  @Test
  void anOpinionTaskHandedToAnotherJurorCannotRecordTheirOpinionThere() {
    ApplicationService.Submission s = eligibleDossier();
    convene();
    Task conflict = juryTask(s, memberA, "Task_DeclareConflict");
    tasks.setAssignee(conflict.getId(), memberB);
    runtime.setVariable(conflict.getProcessInstanceId(), "juryMember", memberB);

    assertThatThrownBy(() -> tasks.complete(conflict.getId(), Map.of("conflictOfInterest", true,
        "conflictReason", "Conflit déclaré à la place d'un autre")))
        // the engine wraps a task listener's exception (ENGINE-03051); the French reason is kept
        .hasMessageContaining(NOT_YOURS).hasRootCauseInstanceOf(RefusedException.class).hasRootCauseMessage(NOT_YOURS);
    executeDueJobs(engine);
    assertThat(opinions.findByApplicationIdOrderByMemberId(s.application().getId()))
        .extracting(JuryOpinion::getStatus).containsOnly(JuryOpinion.Status.PENDING);
  }

  private static Map<String, Object> scores(int s1, int s2, int s3, int s4, String avis) {
    Map<String, Object> vars = new HashMap<>(Map.of("score1", s1, "score2", s2, "score3", s3, "score4", s4));
    vars.put("avis", avis);
    vars.put("opinionComment", "Avis d'essai");
    return vars;
  }

  private Task task(ApplicationService.Submission s, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(s.application().getReference()).taskDefinitionKey(key)
        .singleResult();
  }

  private Task juryTask(ApplicationService.Submission s, String member, String key) {
    Task t = tasks.createTaskQuery().processInstanceBusinessKey(s.application().getReference()).taskDefinitionKey(key)
        .taskAssignee(member).singleResult();
    assertThat(t).as("tâche " + key + " de " + member).isNotNull();
    return t;
  }

  private void completeAs(String user, Task task, Map<String, Object> variables) {
    assertThat(task).as("tâche attendue").isNotNull();
    if (task.getAssignee() == null) {
      tasks.claim(task.getId(), user);
    }
    tasks.complete(task.getId(), variables);
  }
}
