package fr.pasdecalais.habitat.aap.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.support.PostgresIntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, with the product's connections sending every statement unnamed (prepareThreshold 0,
 * application-postgres.yaml), the engine's statements whose plans do not depend on their values are
 * prepared on the server after a few executions, and those reading grants or a user's criteria are not.
 */
@PostgresIntegrationTest
class EngineStatementPlansOnPostgresIT {

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired TransactionTemplate tx;

  ProcessInstance instance;

  @BeforeEach
  void deployAndStart() {
    engine.getRepositoryService().createDeployment().name("plans").enableDuplicateFiltering(true)
        .addModelInstance("plans.bpmn", Bpmn.createExecutableProcess("Process_Plans").name("Plans")
            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Wait").name("Attendre")
            .camundaCandidateGroups("instructeurs").endEvent().done())
        .deploy();
    instance = engine.getRuntimeService().startProcessInstanceByKey("Process_Plans", Map.of("reference", "P-1"));
  }

  @Test
  void theEnginesReadsByIdArePreparedOnTheServerAfterFiveExecutions() {
    List<String> prepared = preparedOnOneConnection(i -> engine.getRuntimeService().getVariable(instance.getId(), "reference"));

    assertThat(prepared).anySatisfy(sql -> assertThat(sql).contains("ACT_RU_EXECUTION"));
    assertThat(prepared).anySatisfy(sql -> assertThat(sql).contains("ACT_RU_VARIABLE"));
  }

  @Test
  void theAuthorizationCheckAndTheTasklistCountStayPlannedWithTheirValues() {
    List<String> prepared = preparedOnOneConnection(i -> {
      engine.getAuthorizationService().isUserAuthorized("juror-" + i, List.of("jury"), Permissions.READ,
          Resources.PROCESS_INSTANCE, instance.getId());
      engine.getIdentityService().setAuthentication("agent-" + i, List.of("instructeurs"));
      try {
        assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("instructeurs").count()).isPositive();
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    });

    assertThat(prepared).noneSatisfy(sql -> assertThat(sql).containsIgnoringCase("ACT_RU_AUTHORIZATION"));
    assertThat(prepared).noneSatisfy(sql -> assertThat(sql).containsIgnoringCase("count"));
  }

  /**
   * Runs {@code work} eight times in one transaction (one connection) whose statements are unnamed by
   * default, as in production, and returns the statements then prepared on the server for that connection.
   */
  private List<String> preparedOnOneConnection(Consumer<Integer> work) {
    return tx.execute(status -> {
      Connection connection = DataSourceUtils.getConnection(dataSource);
      try {
        PGConnection pg = connection.unwrap(PGConnection.class);
        int before = pg.getPrepareThreshold();
        pg.setPrepareThreshold(0);
        try {
          for (int i = 0; i < 8; i++) {
            work.accept(i);
          }
        } finally {
          pg.setPrepareThreshold(before);
        }
        List<String> statements = new ArrayList<>();
        try (Statement s = connection.createStatement();
            ResultSet rs = s.executeQuery("select statement from pg_prepared_statements where not from_sql")) {
          while (rs.next()) {
            statements.add(rs.getString(1));
          }
        }
        return statements;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
