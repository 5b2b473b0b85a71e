package fr.pasdecalais.habitat.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.builder.SubProcessBuilder;

/**
 * The bare arm: a plain Camunda 7.24 engine (no Spring, no business code) with the product's engine
 * settings (history full without removal-time stamping, authorization on, UUID ids, jobs acquired by due
 * date, the job executor's waits, back-off and lock time, the product's indexes on the engine's tables,
 * same pool and job executor sizes), running a
 * process of the product lifecycle's shape: the same 19 user tasks, one timer (the lot's closing,
 * {@link ProductLifecycle#CLOSING_DELAY_SECONDS} s after the start), one asynchronous step and a
 * 3-way parallel multi-instance jury of two tasks per member; the same form variables are submitted.
 */
public final class BareEngine implements AutoCloseable {

  public static final String KEY = "bare-lifecycle";
  static final String GROUP = "bench";

  final ProcessEngine engine;
  private final HikariDataSource dataSource;

  public BareEngine(BenchDatabase db, int poolSize, int jobCorePool, int jobMaxPool, int jobQueue, int jobsPerAcquisition) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(db.url());
    hc.setUsername(db.user);
    hc.setPassword(db.password);
    hc.setMaximumPoolSize(poolSize);
    hc.setAutoCommit(true);
    dataSource = new HikariDataSource(hc);
    StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
    cfg.setDataSource(dataSource);
    cfg.setDatabaseSchemaUpdate("true");
    cfg.setHistory("full");
    cfg.setAuthorizationEnabled(true);
    cfg.setIdGenerator(new StrongUuidGenerator());
    cfg.setJobExecutorActivate(true);
    cfg.setMetricsEnabled(false);
    cfg.setDefaultNumberOfRetries(3);
    var jobExecutor = new org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor();
    jobExecutor.setCorePoolSize(jobCorePool);
    jobExecutor.setMaxPoolSize(jobMaxPool);
    jobExecutor.setQueueSize(jobQueue);
    jobExecutor.setMaxJobsPerAcquisition(jobsPerAcquisition);
    // the product's engine settings besides sizes (application.yaml, camunda.bpm): no removal time stamped
    // on history rows, cleanup by end time; every job given a due date and acquired in due-date order; the
    // job executor's idle waits, back-off after a lock conflict and lock time. Without them, at 128 in flight
    // and more, unordered acquisition left some jobs behind for minutes (lifecycles failed by time-out).
    cfg.setHistoryRemovalTimeStrategy("none");
    cfg.setHistoryCleanupStrategy("endTimeBased");
    cfg.setEnsureJobDueDateNotNull(true);
    cfg.setJobExecutorAcquireByDueDate(true);
    jobExecutor.setWaitTimeInMillis(5000);
    jobExecutor.setMaxWait(10000);
    jobExecutor.setBackoffTimeInMillis(100);
    jobExecutor.setMaxBackoff(2000);
    jobExecutor.setLockTimeInMillis(120000);
    cfg.setJobExecutor(jobExecutor);
    cfg.getProcessEnginePlugins().add(new TaskPush()); // the driver's push channel (see TaskPush)
    engine = cfg.buildProcessEngine();
    productIndexes();
    engine.getRepositoryService().createDeployment().name("bench").enableDuplicateFiltering(true)
        .addModelInstance("bare-lifecycle.bpmn", model()).deploy();
    AuthorizationService auth = engine.getAuthorizationService();
    if (auth.createAuthorizationQuery().groupIdIn(GROUP).count() == 0) {
      for (Resource r : List.of(Resources.TASK, Resources.PROCESS_INSTANCE, Resources.PROCESS_DEFINITION)) {
        Authorization a = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setGroupId(GROUP);
        a.setResource(r);
        a.setResourceId(Authorization.ANY);
        a.addPermission(Permissions.ALL);
        auth.saveAuthorization(a);
      }
    }
  }

  /** The product's migrations that index the engine's own tables (Tasklist, job acquisition, grants). */
  static final List<String> ENGINE_INDEX_MIGRATIONS = List.of("V30__tasklist_indexes.sql",
      "V38__job_acquisition_by_due_date.sql", "V39__authorization_user_index.sql");

  private void productIndexes() {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      for (String file : ENGINE_INDEX_MIGRATIONS) {
        try (InputStream in = BareEngine.class.getResourceAsStream("/db/migration/" + file)) {
          if (in == null) {
            throw new IllegalStateException("migration absente du classpath : " + file);
          }
          String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
              .filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
          for (String statement : sql.split(";")) {
            if (!statement.isBlank()) {
              st.execute(statement);
            }
          }
        }
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("index du produit sur les tables du moteur", e);
    }
  }

  static BpmnModelInstance model() {
    ProcessBuilder p = Bpmn.createExecutableProcess(KEY).name("Cycle de vie nu").camundaHistoryTimeToLive(180);
    SubProcessBuilder jury = p.startEvent("start")
        .userTask("checkCompleteness").camundaCandidateGroups("instructeurs")
        .userTask("checkEligibility").camundaCandidateGroups("instructeurs")
        .intermediateCatchEvent("lotCloses").timerWithDate("${closesAt}")
        .userTask("organiseJury").camundaCandidateGroups("instructeurs")
        .subProcess("jury");
    jury.multiInstance().parallel().camundaCollection("${juryMembers}").camundaElementVariable("member").multiInstanceDone();
    var b = jury.embeddedSubProcess().startEvent("juryStart")
        .userTask("declareConflict").camundaAssignee("${member}")
        .userTask("giveOpinion").camundaAssignee("${member}")
        .endEvent("juryEnd").subProcessDone()
        .userTask("synthesis").camundaCandidateGroups("instructeurs")
        .userTask("prepareReport").camundaCandidateGroups("instructeurs")
        .userTask("recordDeliberation").camundaCandidateGroups("secretariat")
        .intermediateThrowEvent("decisionRecorded").camundaAsyncBefore()
        .userTask("prepareAgreement").camundaCandidateGroups("instructeurs")
        .userTask("recordSignatures").camundaCandidateGroups("instructeurs")
        .userTask("validateAdvance").camundaCandidateGroups("finances")
        .userTask("receiveFinalReport").camundaCandidateGroups("instructeurs")
        .userTask("certifyService").camundaCandidateGroups("instructeurs")
        .userTask("validateBalance").camundaCandidateGroups("finances")
        .userTask("finalReview").camundaCandidateGroups("instructeurs")
        .endEvent("end");
    return b.done();
  }

  /** The lifecycle of the bare arm, driven like the product's (claim, complete, authenticated). */
  public Lifecycle lifecycle() {
    TaskService tasks = engine.getTaskService();
    HistoryService history = engine.getHistoryService();
    IdentityService identity = engine.getIdentityService();
    AtomicLong seq = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);
    return r -> {
      String key = "BARE-" + seq.incrementAndGet();
      List<String> jurors = List.of(ProductLifecycle.JURORS);
      String pi = engine.getRuntimeService().startProcessInstanceByKey(KEY, key, Map.of(
          "closesAt", new Date(System.currentTimeMillis() + ProductLifecycle.CLOSING_DELAY_SECONDS * 1000L),
          "juryMembers", new ArrayList<>(jurors), "reference", key, "organizationName", "Association " + key)).getId();
      step(r, tasks, identity, key, pi, "checkCompleteness", null, vars("complete", "true"));
      step(r, tasks, identity, key, pi, "checkEligibility", null, vars("eligible", "true"));
      step(r, tasks, identity, key, pi, "organiseJury", null, vars("jurySessionDate", "2026-12-01T09:30:00+01:00",
          "opinionDeadline", "2026-12-31", "juryMembersChosen", String.join(",", jurors)));
      for (String juror : jurors) {
        step(r, tasks, identity, key, pi, "declareConflict", juror, vars("conflictOfInterest", false));
        step(r, tasks, identity, key, pi, "giveOpinion", juror, vars("score1", 4, "score2", 4, "score3", 3, "score4", 4,
            "avis", "FAVORABLE", "opinionComment", "Projet solide, partenariats établis."));
      }
      step(r, tasks, identity, key, pi, "synthesis", null, vars("proposals", "[{\"granted\":true,\"proposedAmount\":33600.00}]"));
      step(r, tasks, identity, key, pi, "prepareReport", null, vars("assemblySessionDate", "2026-12-15", "reportSent", true));
      step(r, tasks, identity, key, pi, "recordDeliberation", null, vars("deliberationNumber", "CP-" + key,
          "deliberationDate", "2026-12-15", "votesFor", 43, "votesAgainst", 0, "votesAbstention", 0, "votesAbsent", 1,
          "deliberationAdopted", "true"));
      step(r, tasks, identity, key, pi, "prepareAgreement", null, vars("agreementAmount", 33600.0,
          "agreementUnits", "16 mesures de 12 mois", "decisionDate", "2026-12-15", "termsChecked", true));
      step(r, tasks, identity, key, pi, "recordSignatures", null, vars("operatorSignedOn", "2026-12-16", "presidentSignedOn", "2026-12-16"));
      step(r, tasks, identity, key, pi, "validateAdvance", null, vars("paymentDate", "2026-12-17", "mandateNumber", "M-A-" + key));
      step(r, tasks, identity, key, pi, "receiveFinalReport", null, vars("indicators", "[{\"code\":\"MENAGES\",\"value\":\"12\"}]",
          "reportReceivedOn", "2027-12-01", "reportSummary", "Bilan annuel", "finalReportDecision", "APPROVED"));
      step(r, tasks, identity, key, pi, "certifyService", null, vars("quantities", "[{\"code\":\"MESURE_MOIS\",\"value\":192}]",
          "serviceRenderedOn", "2027-12-02"));
      step(r, tasks, identity, key, pi, "validateBalance", null, vars("paymentDate", "2027-12-03", "mandateNumber", "M-S-" + key));
      step(r, tasks, identity, key, pi, "finalReview", null, vars("reviewComment", "Appel soldé."));
      TaskPush.awaitEnd("fin de " + key, () -> history.createHistoricProcessInstanceQuery().processInstanceId(pi)
          .finished().count() == 1, key);
      r.ended();
    };
  }

  private static void step(Recorder r, TaskService tasks, IdentityService identity, String businessKey, String pi, String key,
      String assignee, VariableMap variables) throws InterruptedException {
    String task = TaskPush.awaitTask(businessKey, key, assignee, () -> {
      var q = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key);
      if (assignee != null) {
        q.taskAssignee(assignee);
      }
      List<Task> found = q.listPage(0, 1);
      return found.isEmpty() ? null : new TaskPush.Created(found.get(0).getId(), pi, found.get(0).getExecutionId());
    }).id();
    String user = assignee != null ? assignee : "bench-agent";
    AsTasklist.complete(r, tasks, identity, task, user, GROUP, assignee == null, variables);
  }

  private static VariableMap vars(Object... kv) {
    return AsTasklist.vars(kv);
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }
}
