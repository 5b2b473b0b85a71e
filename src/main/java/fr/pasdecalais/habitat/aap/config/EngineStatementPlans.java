package fr.pasdecalais.habitat.aap.config;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.DefaultReflectorFactory;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.ReflectorFactory;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Cached plans for the engine's own work on PostgreSQL, plans made with the values where they matter.
 *
 * <p>The product's connections send every statement unnamed ({@code prepareThreshold: 0},
 * application-postgres.yaml): PostgreSQL plans each one with its values, which the authorization check
 * ({@code PERMS_ & ? = ?}) and the Tasklist count need. Our JPA statements and every engine query not
 * listed below stay so. The engine's statements whose plan does not depend on their values — inserts,
 * updates and deletes, reads by id or by parent — are most of the job executor's work and
 * were parsed and planned again at every execution (PostgreSQL used 1,2 of the 1,8 busy cores in the
 * timer drain). They get the driver's default threshold ({@value #THRESHOLD}): from the fifth
 * execution on a connection the driver prepares them on the server, which then reuses their parse and,
 * with {@code plan_cache_mode} left at {@code auto}, a generic plan when it costs no more than the
 * custom ones.
 *
 * <p>Planned with their values (threshold 0), whatever the statement: any that reads the grants
 * ({@code ACT_RU_AUTHORIZATION}: the authorization check of a query or of a command), the queries whose
 * criteria come from a user or a report — Tasklist, Cockpit, the REST API ({@code …ByQueryCriteria},
 * native queries, counts, reports, statistics, history pages, history cleanup) — and those comparing due
 * dates with the current time (job acquisition, timers by due date): how many rows match depends on it,
 * and a generic plan of the acquisition reads every job to check the exclusive ones.
 *
 * <p>MyBatis applies interceptors to each statement handler it creates: one added after the engine is
 * built is used by every statement that follows. Other databases (H2 in tests) are left as they are.
 *
 * <p>A statement prepared on the server fails once ("cached plan must not change result type") if the
 * columns of its table change under a running node. The engine's schema changes at start-up, before the
 * job executor, and the V30+ migrations that run after it add indexes and statistics only; a migration that
 * changes an engine table's columns needs the nodes restarted (as an engine upgrade does anyway).
 */
@Component
public class EngineStatementPlans extends AbstractProcessEnginePlugin {

  /** The PostgreSQL driver's default: server-side prepared from the fifth execution on a connection. */
  static final int THRESHOLD = 5;

  /** Statement ids whose plan depends on the values (the criteria of a user's or a report's query). */
  private static final Pattern PLANNED_WITH_VALUES = Pattern.compile(
      "(?i).*(QueryCriteria|NativeQuery|Count|Report|Statistics|Page|ForCleanup|RemovalTime|MeterLog|ByParameters"
          + "|NextJobsToExecute|Duedate).*");

  /** The verdict on each statement id (a few hundred), not worked out again at each execution. */
  private static final Map<String, Boolean> PLANNED_WITH_VALUES_BY_ID = new ConcurrentHashMap<>();

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new ThresholdPerStatement());
  }

  /** Whether the engine's statement {@code id} of SQL {@code sql} may use a cached plan. */
  static boolean cachedPlan(String id, String sql) {
    return !plannedWithValues(id) && !readsGrants(sql);
  }

  static boolean plannedWithValues(String id) {
    return PLANNED_WITH_VALUES_BY_ID.computeIfAbsent(id, i -> PLANNED_WITH_VALUES.matcher(i).matches());
  }

  /** The engine's mappings name the grants' table in capitals ({@code ${prefix}ACT_RU_AUTHORIZATION}). */
  static boolean readsGrants(String sql) {
    return sql.contains("ACT_RU_AUTHORIZATION");
  }

  /** Sets the threshold of each PostgreSQL statement the engine prepares, as {@link #cachedPlan} says. */
  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class ThresholdPerStatement implements Interceptor {

    private static final ReflectorFactory REFLECTORS = new DefaultReflectorFactory();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      Statement statement = (Statement) invocation.proceed();
      if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
        StatementHandler handler = (StatementHandler) invocation.getTarget();
        // the reflectors of the handlers' classes cached (SystemMetaObject.forObject builds them again at each
        // call: 7 % of the product's JVM samples under load went to it)
        MetaObject meta = MetaObject.forObject(handler, SystemMetaObject.DEFAULT_OBJECT_FACTORY,
            SystemMetaObject.DEFAULT_OBJECT_WRAPPER_FACTORY, REFLECTORS);
        Object mapped = meta.hasGetter("delegate") ? meta.getValue("delegate.mappedStatement") : null;
        if (mapped instanceof MappedStatement m && cachedPlan(m.getId(), handler.getBoundSql().getSql())) {
          statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(THRESHOLD);
        }
      }
      return statement;
    }
  }
}
