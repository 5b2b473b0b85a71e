package fr.pasdecalais.habitat.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Tasklist query at volume: what Tasklist runs when an agent of group {@code instructeurs}
 * opens the filter "Tâches de mes groupes" (a page of 50 sorted by due date, the count, the
 * variables {@code reference} and {@code organizationName} of the page's tasks), its timings and
 * PostgreSQL's plans of the very SQL the engine sends.
 *
 * <p><b>Load</b> ({@link #load}): only real engine rows, written by the engine itself. Each open
 * task is an instance of the product's {@code instruction} process started, as after a completeness
 * check that asked for pieces, before its user task {@code Task_AwaitPieces} (candidate group
 * {@code instructeurs}, due date {@code ${regularizationDeadline}}, a timer and two message
 * boundary events) with the variables the product gives it ({@code reference},
 * {@code organizationName}, {@code applicationId}, {@code regularizationDeadline} spread over the
 * next 1–180 days, so the timers never fire during the benchmark). To spread the tasks over the
 * groups as in real life, the engine's API then moves about 45 % of them to other groups
 * ({@code finances} 20 %, {@code secretariat-assemblee} 15 %, {@code superviseurs} 10 %:
 * {@code deleteCandidateGroup} + {@code addCandidateGroup}) and assigns about 20 % to a user. When
 * the open instances leave the history under {@code historyRowsTarget}, further instances are
 * started and deleted (withdrawn dossiers): history only. Starts are batched (200 per
 * transaction, Spring's {@link TransactionTemplate}) on 2 threads.
 *
 * <p>With a {@code copies} factor above 1 (the benchmark's default: 50), the engine writes only
 * 1/{@code copies} of that volume — a realistic sample, with every row the engine and the product's
 * plugins write for it (tasks, candidate groups, per-task or per-instance authorizations, variables,
 * timers, message subscriptions, history) — and {@link #multiply} copies each sample row
 * {@code copies − 1} times with SQL ({@code INSERT … SELECT … CROSS JOIN generate_series}): every
 * identifier that points to a row of the sample (ids, process instance, execution, task, activity
 * instance, variable scope, authorization resource id, business key) gets the suffix {@code -k} of
 * its copy, so copies are whole, consistent instances; what points outside the sample (process
 * definition, job definition, groups, users) is kept. Copies share their sample's variable values
 * and due dates (the due dates keep their spread over 180 days).
 *
 * <p><b>Measure</b> ({@link #measure}): as a user of {@code instructeurs} (authorization on),
 * {@code FilterService.listPage(filter, 0, 50)}, {@code FilterService.count(filter)} and the
 * variable query of Camunda's REST {@code FilterResourceImpl} (names from the filter's properties,
 * scope ids = task, execution and process instance of each task of the page, no binary fetching,
 * no custom deserialization, unlimited list). Then, once, MyBatis's statement loggers are set to
 * DEBUG to catch the SQL and parameters the engine really sends, and each statement is run again
 * with {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} over JDBC with the same parameters.
 *
 * <p>{@code main}: env {@code BENCH_PG_*} (see {@link BenchDatabase}), {@code BENCH_TASKLIST_OPEN}
 * (100000), {@code BENCH_TASKLIST_HISTORY} (1000000), {@code BENCH_TASKLIST_REPETITIONS} (200);
 * argument {@code --reuse} keeps the database {@code bench_tasklist} as it is (no load: measure
 * again, e.g. after a new migration).
 */
public final class TasklistPhase {

  public static final String PROCESS_KEY = "instruction";
  public static final String ACTIVITY = "Task_AwaitPieces";
  public static final String FILTER_NAME = "Tâches de mes groupes";
  public static final String USER = "bench-instructeur";
  public static final String USER_PASSWORD = "Banc-Essai-Instructeur-2026!";
  public static final String GROUP = "instructeurs";
  static final int BATCH = 200;
  static final int THREADS = 2;
  /** Repetitions stop once this is spent (env BENCH_TASKLIST_MEASURE_SECONDS); at least one is measured. */
  static final long MEASURE_BUDGET_SECONDS = Long.parseLong(BenchDatabase.env("BENCH_TASKLIST_MEASURE_SECONDS", "300"));
  /** EXPLAIN ANALYZE longer than this is cancelled, and the plan given without ANALYZE (estimates). */
  static final int EXPLAIN_TIMEOUT_SECONDS = 180;

  static final List<String> HISTORY_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
      "act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_job_log", "act_hi_op_log",
      "act_hi_incident", "act_hi_comment", "act_hi_attachment", "act_hi_ext_task_log", "act_hi_decinst",
      "act_hi_dec_in", "act_hi_dec_out", "act_hi_caseinst", "act_hi_caseactinst", "act_hi_batch");
  static final List<String> RUNTIME_TABLES = List.of("act_ru_execution", "act_ru_task", "act_ru_identitylink",
      "act_ru_variable", "act_ru_job", "act_ru_event_subscr", "act_ru_authorization");
  static final Set<String> WATCHED_TABLES = Set.of("act_ru_task", "act_ru_variable", "act_ru_identitylink",
      "act_hi_varinst", "act_hi_taskinst");

  static final String[] ORGANIZATIONS = {"Pas-de-Calais Habitat", "Maisons & Cités", "Habitat Hauts-de-France",
      "Flandre Opale Habitat", "SIA Habitat", "Territoires 62", "Clésence", "Vilogia", "Partenord Habitat",
      "Habitat du Littoral", "Commune d'Arras", "Commune de Lens", "CCAS de Boulogne-sur-Mer",
      "Association Habitat et Humanisme", "Soliha Pas-de-Calais", "Communauté d'agglomération de Béthune"};
  static final String[] ASSIGNEES = {"camille.martin", "julien.bernard", "laurent.petit", "isabelle.moreau"};

  private TasklistPhase() {}

  // ------------------------------------------------------------------------------------------------ load

  public static Map<String, Object> load(ProductNode node, int openTasks, long historyRowsTarget) {
    return load(node, openTasks, historyRowsTarget, 1);
  }

  public static Map<String, Object> load(ProductNode node, int openTasks, long historyRowsTarget, int copies) {
    long t0 = System.nanoTime();
    ProcessEngine engine = node.bean(ProcessEngine.class);
    TransactionTemplate tx = new TransactionTemplate(node.bean(PlatformTransactionManager.class));
    DataSource ds = node.bean(DataSource.class);
    AtomicLong seq = new AtomicLong();
    Map<String, Object> result = new LinkedHashMap<>();
    int sample = Math.max(1, (int) Math.ceil((double) openTasks / copies));
    result.put("method", "engine: instruction process started before " + ACTIVITY
        + ", 45 % moved to other candidate groups, 20 % assigned; history top-up by started+deleted instances; "
        + BATCH + " starts per transaction, " + THREADS + " threads"
        + (copies > 1 ? "; engine sample of " + sample + " open instances multiplied by " + copies + " with SQL" : ""));
    long startOpen = System.nanoTime();
    run(sample, i -> openInstance(engine, seq.incrementAndGet()), tx);
    result.put("openSeconds", secs(startOpen));

    long hist = historyRows(ds);
    long startTopUp = System.nanoTime();
    long deleted = 0;
    long sampleHistoryTarget = historyRowsTarget / copies;
    if (hist < sampleHistoryTarget && sample > 0) {
      double perInstance = Math.max(1.0, (double) hist / sample);
      int more = (int) Math.ceil((sampleHistoryTarget - hist) / (perInstance + 3));
      run(more, i -> closedInstance(engine, seq.incrementAndGet()), tx);
      deleted = more;
    }
    result.put("topUpSeconds", secs(startTopUp));
    if (copies > 1) {
      long startCopies = System.nanoTime();
      result.put("copiedRows", multiply(ds, copies));
      result.put("copySeconds", secs(startCopies));
      deleted *= copies;
    }
    result.put("deletedInstances", deleted);
    result.put("rows", counts(ds));
    result.put("openTasks", longQuery(ds, "SELECT count(*) FROM act_ru_task"));
    result.put("historyRows", historyRows(ds));
    result.put("candidateGroups", groupCounts(ds));
    result.put("assignedTasks", longQuery(ds, "SELECT count(*) FROM act_ru_task WHERE assignee_ IS NOT NULL"));
    result.put("seconds", secs(t0));
    return result;
  }

  interface Step {
    void run(long i);
  }

  static void run(int count, Step step, TransactionTemplate tx) {
    if (count <= 0) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int from = 0; from < count; from += BATCH) {
        int n = Math.min(BATCH, count - from);
        futures.add(pool.submit(() -> tx.executeWithoutResult(s -> {
          for (int k = 0; k < n; k++) {
            step.run(k);
          }
        })));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("chargement interrompu", e);
    } finally {
      pool.shutdownNow();
    }
  }

  static Map<String, Object> variables(long n) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("reference", String.format("AAP-2026-%06d", n));
    vars.put("organizationName", ORGANIZATIONS[(int) (n % ORGANIZATIONS.length)]);
    vars.put("applicationId", 1_000_000L + n);
    // due dates spread over the next 1..180 days (hashing n so that they do not follow the start order)
    long minutes = 24L * 60 + Math.floorMod(n * 7919L, 179L * 24 * 60);
    vars.put("regularizationDeadline", new Date(System.currentTimeMillis() + minutes * 60_000L));
    return vars;
  }

  static void openInstance(ProcessEngine engine, long n) {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    Map<String, Object> vars = variables(n);
    ProcessInstance pi = runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey((String) vars.get("reference"))
        .setVariables(vars).startBeforeActivity(ACTIVITY).execute();
    int bucket = (int) Math.floorMod(n * 31L, 100L);
    String group = bucket < 55 ? null : bucket < 75 ? "finances" : bucket < 90 ? "secretariat-assemblee" : "superviseurs";
    boolean assigned = Math.floorMod(n * 17L, 5L) == 0;
    if (group == null && !assigned) {
      return;
    }
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    if (group != null) {
      tasks.deleteCandidateGroup(task.getId(), GROUP);
      tasks.addCandidateGroup(task.getId(), group);
    }
    if (assigned) {
      tasks.setAssignee(task.getId(), ASSIGNEES[(int) (n % ASSIGNEES.length)]);
    }
  }

  static void closedInstance(ProcessEngine engine, long n) {
    RuntimeService runtime = engine.getRuntimeService();
    Map<String, Object> vars = variables(n);
    ProcessInstance pi = runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey((String) vars.get("reference"))
        .setVariables(vars).startBeforeActivity(ACTIVITY).execute();
    runtime.deleteProcessInstance(pi.getId(), "Dossier retiré (banc d'essai)", true, true);
  }

  /** Identifier columns rewritten in a copy (when not null): they point to rows of the sample. */
  static final Set<String> ID_COLUMNS = Set.of("id_", "proc_inst_id_", "process_instance_id_", "root_proc_inst_id_",
      "execution_id_", "task_id_", "parent_id_", "super_exec_", "act_inst_id_", "parent_act_inst_id_", "var_inst_id_",
      "bytearray_id_", "var_scope_", "business_key_", "parent_task_id_", "call_proc_inst_id_", "job_id_",
      "exception_stack_id_", "scope_activity_instance_id_");

  /**
   * Copies every row of the sample (the instances of {@link #PROCESS_KEY}, open or deleted) {@code copies − 1}
   * times; returns the rows added per table. Runtime tables first, parents before children (foreign keys).
   */
  static Map<String, Long> multiply(DataSource ds, int copies) {
    Map<String, Long> added = new LinkedHashMap<>();
    String pis = "SELECT proc_inst_id_ FROM bench_sample_pi";
    String tasks = "SELECT id_ FROM act_ru_task WHERE proc_inst_id_ IN (" + pis + ")";
    Map<String, String> where = new LinkedHashMap<>();
    where.put("act_ge_bytearray", "id_ IN (SELECT bytearray_id_ FROM act_ru_variable WHERE proc_inst_id_ IN (" + pis + ")"
        + " UNION SELECT bytearray_id_ FROM act_hi_varinst WHERE proc_inst_id_ IN (" + pis + ")"
        + " UNION SELECT bytearray_id_ FROM act_hi_detail WHERE proc_inst_id_ IN (" + pis + "))");
    where.put("act_ru_execution", "proc_inst_id_ IN (" + pis + ")");
    where.put("act_ru_task", "proc_inst_id_ IN (" + pis + ")");
    where.put("act_ru_identitylink", "task_id_ IN (" + tasks + ")");
    where.put("act_ru_variable", "proc_inst_id_ IN (" + pis + ")");
    where.put("act_ru_job", "process_instance_id_ IN (" + pis + ")");
    where.put("act_ru_event_subscr", "proc_inst_id_ IN (" + pis + ")");
    where.put("act_ru_authorization", "resource_id_ IN (" + tasks + " UNION " + pis + ")");
    for (String t : HISTORY_TABLES) {
      where.put(t, null);
    }
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("DROP TABLE IF EXISTS bench_sample_pi");
      s.execute("CREATE TABLE bench_sample_pi AS SELECT id_ AS proc_inst_id_ FROM act_hi_procinst WHERE proc_def_key_ = '"
          + PROCESS_KEY + "'");
      s.execute("ALTER TABLE bench_sample_pi ADD PRIMARY KEY (proc_inst_id_)");
      for (Map.Entry<String, String> e : where.entrySet()) {
        String table = e.getKey();
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
          while (rs.next()) {
            columns.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
          }
        }
        if (columns.isEmpty()) {
          continue;
        }
        String condition = e.getValue();
        if (condition == null) { // history: by process instance, else by root process instance
          String col = columns.contains("proc_inst_id_") ? "proc_inst_id_"
              : columns.contains("process_instance_id_") ? "process_instance_id_"
              : columns.contains("root_proc_inst_id_") ? "root_proc_inst_id_" : null;
          if (col == null) {
            continue;
          }
          condition = col + " IN (" + pis + ")";
        }
        List<String> select = new ArrayList<>();
        for (String col : columns) {
          boolean id = ID_COLUMNS.contains(col) || (table.equals("act_ru_authorization") && col.equals("resource_id_"));
          select.add(id ? "CASE WHEN " + col + " IS NULL THEN NULL ELSE " + col + " || '-' || g END" : col);
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", select)
            + " FROM " + table + " CROSS JOIN generate_series(1, " + (copies - 1) + ") AS g WHERE " + condition;
        added.put(table, (long) s.executeUpdate(sql));
      }
      s.execute("DROP TABLE bench_sample_pi");
    } catch (SQLException e) {
      throw new IllegalStateException("copie SQL de l'échantillon : " + e.getMessage(), e);
    }
    added.values().removeIf(n -> n == 0);
    return added;
  }

  static Map<String, Long> counts(DataSource ds) {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String t : RUNTIME_TABLES) {
      rows.put(t, longQuery(ds, "SELECT count(*) FROM " + t));
    }
    for (String t : HISTORY_TABLES) {
      rows.put(t, longQuery(ds, "SELECT count(*) FROM " + t));
    }
    return rows;
  }

  static long historyRows(DataSource ds) {
    long sum = 0;
    for (String t : HISTORY_TABLES) {
      sum += longQuery(ds, "SELECT count(*) FROM " + t);
    }
    return sum;
  }

  static Map<String, Long> groupCounts(DataSource ds) {
    Map<String, Long> m = new TreeMap<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT group_id_, count(*) FROM act_ru_identitylink"
            + " WHERE type_ = 'candidate' AND task_id_ IS NOT NULL GROUP BY group_id_")) {
      while (rs.next()) {
        m.put(rs.getString(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return m;
  }

  static long longQuery(DataSource ds, String sql) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** VACUUM ANALYZE of the whole database (fresh statistics and visibility map, as autovacuum would). */
  public static double analyze(ProductNode node) {
    long t0 = System.nanoTime();
    try (Connection c = node.bean(DataSource.class).getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("VACUUM ANALYZE");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return secs(t0);
  }

  // --------------------------------------------------------------------------------------------- measure

  /** The three parts of one Tasklist opening, in ms. */
  record Sample(double list, double count, double variables) {
    double total() {
      return list + count + variables;
    }
  }

  public static Map<String, Object> measure(ProductNode node, int repetitions) {
    ProcessEngine engine = node.bean(ProcessEngine.class);
    IdentityService identity = engine.getIdentityService();
    FilterService filters = engine.getFilterService();
    ensureUser(identity);
    List<String> groups = identity.createGroupQuery().groupMember(USER).list().stream().map(Group::getId).toList();
    Map<String, Object> result = new LinkedHashMap<>();
    identity.setAuthentication(USER, groups);
    try {
      Filter filter = filters.createFilterQuery().filterName(FILTER_NAME).singleResult();
      if (filter == null) {
        throw new IllegalStateException("filtre introuvable : " + FILTER_NAME);
      }
      List<String> names = variableNames(filter);
      result.put("user", USER);
      result.put("groups", groups);
      result.put("filter", FILTER_NAME);
      result.put("variables", names);
      int warmUp = Math.max(1, Math.min(20, repetitions / 5));
      long warmDeadline = System.nanoTime() + MEASURE_BUDGET_SECONDS * 1_000_000_000L / 4;
      for (int i = 0; i < warmUp; i++) {
        once(engine, filter.getId(), names, null);
        if (System.nanoTime() > warmDeadline) {
          warmUp = i + 1;
          break;
        }
      }
      List<Sample> samples = new ArrayList<>();
      long[] last = new long[2];
      long deadline = System.nanoTime() + MEASURE_BUDGET_SECONDS * 1_000_000_000L;
      for (int i = 0; i < repetitions; i++) {
        samples.add(once(engine, filter.getId(), names, last));
        if (System.nanoTime() > deadline) {
          result.put("stoppedEarly", "time budget of " + MEASURE_BUDGET_SECONDS + " s spent after " + (i + 1) + " repetitions");
          break;
        }
      }
      result.put("repetitions", samples.size());
      result.put("warmUp", warmUp);
      result.put("count", last[0]);
      result.put("variablesOfPage", last[1]);
      Map<String, Object> ms = new LinkedHashMap<>();
      ms.put("total", Stats.latency(samples.stream().map(Sample::total).toList()));
      ms.put("list", Stats.latency(samples.stream().map(Sample::list).toList()));
      ms.put("count", Stats.latency(samples.stream().map(Sample::count).toList()));
      ms.put("variables", Stats.latency(samples.stream().map(Sample::variables).toList()));
      result.put("ms", ms);
      result.put("plans", plans(node, engine, filter.getId(), names));
    } finally {
      identity.clearAuthentication();
    }
    return result;
  }

  static void ensureUser(IdentityService identity) {
    User user = identity.createUserQuery().userId(USER).singleResult();
    if (user == null) {
      user = identity.newUser(USER);
      user.setFirstName("Agent");
      user.setLastName("Banc d'essai");
      user.setEmail(USER + "@bench.invalid");
      user.setPassword(USER_PASSWORD);
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(USER).memberOfGroup(GROUP).count() == 0) {
      identity.createMembership(USER, GROUP);
    }
  }

  @SuppressWarnings("unchecked")
  static List<String> variableNames(Filter filter) {
    List<String> names = new ArrayList<>();
    Object vars = filter.getProperties() == null ? null : filter.getProperties().get("variables");
    if (vars instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && m.get("name") != null) {
          names.add(m.get("name").toString());
        }
      }
    }
    return names;
  }

  static Sample once(ProcessEngine engine, String filterId, List<String> names, long[] out) {
    FilterService filters = engine.getFilterService();
    long t0 = System.nanoTime();
    List<Task> page = filters.listPage(filterId, 0, 50);
    long t1 = System.nanoTime();
    long count = filters.count(filterId);
    long t2 = System.nanoTime();
    List<VariableInstance> vars = variablesOf(engine, page, names);
    long t3 = System.nanoTime();
    if (out != null) {
      out[0] = count;
      out[1] = vars.size();
    }
    return new Sample((t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
  }

  /** As Camunda's REST FilterResourceImpl.queryVariablesInstancesByVariableScopeIds. */
  static List<VariableInstance> variablesOf(ProcessEngine engine, List<Task> page, List<String> names) {
    if (page.isEmpty() || names.isEmpty()) {
      return List.of();
    }
    LinkedHashSet<String> scopes = new LinkedHashSet<>();
    for (Task t : page) {
      scopes.add(t.getId());
      scopes.add(t.getExecutionId());
      scopes.add(t.getProcessInstanceId());
      scopes.add(t.getCaseExecutionId());
      scopes.add(t.getCaseInstanceId());
    }
    scopes.remove(null);
    return ((VariableInstanceQueryImpl) engine.getRuntimeService().createVariableInstanceQuery()
        .disableBinaryFetching().disableCustomObjectDeserialization()
        .variableNameIn(names.toArray(String[]::new))
        .variableScopeIdIn(scopes.toArray(String[]::new))).unlimitedList();
  }

  static double secs(long startNanos) {
    return Stats.round((System.nanoTime() - startNanos) / 1e9);
  }

  // ----------------------------------------------------------------------------------------------- plans

  static final String MAPPER_PACKAGE = "org.camunda.bpm.engine.impl.persistence.entity";

  /** A statement as MyBatis logged it. */
  record Captured(String logger, String sql, String parameters) {}

  static Map<String, Object> plans(ProductNode node, ProcessEngine engine, String filterId, List<String> names) {
    List<Captured> captured = capture(() -> {
      FilterService filters = engine.getFilterService();
      List<Task> page = filters.listPage(filterId, 0, 50);
      filters.count(filterId);
      variablesOf(engine, page, names);
    });
    Map<String, Object> plans = new LinkedHashMap<>();
    Captured list = find(captured, "TaskEntity.selectTaskByQueryCriteria");
    Captured count = find(captured, "TaskEntity.selectTaskCountByQueryCriteria");
    Captured vars = find(captured, "VariableInstanceEntity.selectVariableInstanceByQueryCriteria");
    plans.put("capturedStatements", captured.stream().map(Captured::logger).toList());
    boolean noSeqScan = true;
    DataSource ds = node.bean(DataSource.class);
    for (Map.Entry<String, Captured> e : List.of(Map.entry("list", list), Map.entry("count", count),
        Map.entry("variables", vars))) {
      if (e.getValue() == null) {
        plans.put(e.getKey(), Map.of("error", "statement not captured"));
        noSeqScan = false;
        continue;
      }
      Map<String, Object> plan = explain(ds, e.getValue());
      @SuppressWarnings("unchecked")
      List<String> seq = (List<String>) plan.getOrDefault("seqScans", List.of());
      if (seq.stream().anyMatch(WATCHED_TABLES::contains) || plan.containsKey("error")) {
        noSeqScan = false;
      }
      plans.put(e.getKey(), plan);
    }
    plans.put("noSeqScanOnTaskOrVariableTables", noSeqScan);
    return plans;
  }

  static Captured find(List<Captured> captured, String suffix) {
    return captured.stream().filter(c -> c.logger().endsWith(suffix)).findFirst().orElse(null);
  }

  /** Runs the action with MyBatis's statement loggers at DEBUG and returns what they logged. */
  static List<Captured> capture(Runnable action) {
    Logger logger = (Logger) LoggerFactory.getLogger(MAPPER_PACKAGE);
    Level before = logger.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.setContext(logger.getLoggerContext());
    appender.start();
    boolean additive = logger.isAdditive();
    logger.addAppender(appender);
    logger.setAdditive(false); // not on the console
    logger.setLevel(Level.DEBUG);
    try {
      action.run();
    } finally {
      logger.setLevel(before);
      logger.setAdditive(additive);
      logger.detachAppender(appender);
      appender.stop();
    }
    List<Captured> out = new ArrayList<>();
    Map<String, String> preparing = new HashMap<>();
    for (ILoggingEvent ev : appender.list) {
      String msg = ev.getFormattedMessage();
      String name = ev.getLoggerName();
      int p = msg.indexOf("Preparing: ");
      int q = msg.indexOf("Parameters: ");
      if (p >= 0) {
        preparing.put(name, msg.substring(p + "Preparing: ".length()).trim());
      } else if (q >= 0 && preparing.containsKey(name)) {
        out.add(new Captured(name, preparing.remove(name), msg.substring(q + "Parameters: ".length())));
      }
    }
    preparing.forEach((name, sql) -> out.add(new Captured(name, sql, "")));
    return out;
  }

  static final Pattern PARAM = Pattern.compile(
      "(.*?)\\((String|Integer|Long|Short|Byte|Boolean|Timestamp|Date|Double|Float|BigDecimal|Time)\\)(?:, |$)",
      Pattern.DOTALL);

  /** MyBatis's "a(String), 50(Integer), null" as typed values. */
  static List<Object> parameters(String logged) {
    List<Object> values = new ArrayList<>();
    String rest = logged == null ? "" : logged.trim();
    while (!rest.isEmpty()) {
      if (rest.startsWith("null, ") || rest.equals("null")) {
        values.add(null);
        rest = rest.length() > 4 ? rest.substring(6) : "";
        continue;
      }
      Matcher m = PARAM.matcher(rest);
      if (!m.lookingAt()) {
        throw new IllegalArgumentException("paramètres illisibles : " + logged);
      }
      String v = m.group(1);
      values.add(switch (m.group(2)) {
        case "Integer", "Short", "Byte" -> Integer.valueOf(v);
        case "Long" -> Long.valueOf(v);
        case "Boolean" -> Boolean.valueOf(v);
        case "Timestamp" -> Timestamp.valueOf(v);
        case "Date" -> Timestamp.valueOf(v.length() == 10 ? v + " 00:00:00" : v);
        case "Double", "Float" -> Double.valueOf(v);
        case "BigDecimal" -> new java.math.BigDecimal(v);
        default -> v;
      });
      rest = rest.substring(m.end());
    }
    return values;
  }

  static Map<String, Object> explain(DataSource ds, Captured st) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("statement", st.logger().substring(st.logger().lastIndexOf('.', st.logger().lastIndexOf('.') - 1) + 1));
    out.put("sql", st.sql());
    out.put("parameters", st.parameters());
    try {
      explain(ds, st, true, out);
    } catch (Exception e) {
      out.put("analyzeError", e.toString());
      try {
        explain(ds, st, false, out);
        out.put("estimatedOnly", true);
      } catch (Exception e2) {
        out.put("error", e2.toString());
      }
    }
    return out;
  }

  static void explain(DataSource ds, Captured st, boolean analyze, Map<String, Object> out) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement((analyze ? "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) "
            : "EXPLAIN (FORMAT JSON) ") + st.sql())) {
      ps.setQueryTimeout(EXPLAIN_TIMEOUT_SECONDS);
      List<Object> params = parameters(st.parameters());
      for (int i = 0; i < params.size(); i++) {
        Object v = params.get(i);
        if (v == null) {
          ps.setNull(i + 1, Types.VARCHAR);
        } else {
          ps.setObject(i + 1, v);
        }
      }
      String json;
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        json = rs.getString(1);
      }
      JsonNode root = new ObjectMapper().readTree(json).get(0);
      double planning = root.path("Planning Time").asDouble();
      double execution = root.path("Execution Time").asDouble();
      out.put("planningMs", Stats.round(planning));
      out.put("executionMs", Stats.round(execution));
      out.put("totalMs", Stats.round(planning + execution));
      Set<String> types = new TreeSet<>();
      List<String> seq = new ArrayList<>();
      List<String> indexes = new ArrayList<>();
      walk(root.get("Plan"), types, seq, indexes);
      out.put("nodeTypes", types);
      out.put("seqScans", seq);
      out.put("indexesUsed", indexes);
      out.put("plan", root);
    }
  }

  static void walk(JsonNode n, Set<String> types, List<String> seq, List<String> indexes) {
    if (n == null) {
      return;
    }
    String type = n.path("Node Type").asText();
    types.add(type);
    if (type.equals("Seq Scan")) {
      seq.add(n.path("Relation Name").asText().toLowerCase());
    }
    if (n.has("Index Name")) {
      indexes.add(n.path("Relation Name").asText().toLowerCase() + "." + n.path("Index Name").asText().toLowerCase());
    }
    for (JsonNode child : n.path("Plans")) {
      walk(child, types, seq, indexes);
    }
  }

  // -------------------------------------------------------------------------------------------------- main

  public static void main(String[] args) {
    try {
      run(args);
      System.exit(0);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1);
    }
  }

  static void run(String[] args) throws Exception {
    boolean reuse = Arrays.asList(args).contains("--reuse");
    int open = Integer.parseInt(BenchDatabase.env("BENCH_TASKLIST_OPEN", "100000"));
    long history = Long.parseLong(BenchDatabase.env("BENCH_TASKLIST_HISTORY", "1000000"));
    int repetitions = Integer.parseInt(BenchDatabase.env("BENCH_TASKLIST_REPETITIONS", "200"));
    BenchDatabase db = new BenchDatabase("bench_tasklist");
    if (!reuse) {
      db.recreate();
    }
    Map<String, Object> report = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    try (ProductNode node = ProductNode.start(db, Map.of())) {
      report.put("startSeconds", secs(t0));
      if (!reuse) {
        report.put("load", load(node, open, history));
      } else {
        report.put("rows", counts(node.bean(DataSource.class)));
      }
      report.put("vacuumAnalyzeSeconds", analyze(node));
      report.put("indexes", taskIndexes(node.bean(DataSource.class)));
      report.put("measure", measure(node, repetitions));
    }
    System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
  }

  /** The indexes of the watched tables (to tell "before" from "after" in a report). */
  static List<String> taskIndexes(DataSource ds) {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT tablename || ': ' || indexdef FROM pg_indexes WHERE tablename IN ("
            + "'act_ru_task','act_ru_variable','act_ru_identitylink','act_hi_varinst','act_hi_taskinst','act_ru_authorization')"
            + " ORDER BY tablename, indexname")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      out.add(e.toString());
    }
    return out;
  }
}
