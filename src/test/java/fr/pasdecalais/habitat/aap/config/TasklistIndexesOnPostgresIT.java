package fr.pasdecalais.habitat.aap.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.support.PostgresIntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The indexes the performance migrations (V30, V38, V39) put on the engine's tables exist on PostgreSQL, after
 * the engine created its tables, with the columns the Tasklist's queries and the job acquisition read
 * (docs/architecture.md, "Data").
 */
@PostgresIntegrationTest
class TasklistIndexesOnPostgresIT {

  @Autowired DataSource dataSource;

  @Test
  void theTasklistAndAuthorizationIndexesAreOnTheEnginesTables() throws Exception {
    Map<String, String> indexes = new HashMap<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select indexname, indexdef from pg_indexes where indexname like 'aap_idx_%'")) {
      while (rs.next()) {
        indexes.put(rs.getString(1), rs.getString(2));
      }
    }

    assertThat(indexes.get("aap_idx_task_due_date")).contains("act_ru_task", "(due_date_)");
    assertThat(indexes.get("aap_idx_ident_lnk_group_task")).contains("act_ru_identitylink", "(group_id_, type_, task_id_)");
    assertThat(indexes.get("aap_idx_task_id_procdef")).contains("act_ru_task",
        "(id_, proc_def_id_, tenant_id_, case_execution_id_)");
    assertThat(indexes.get("aap_idx_auth_user")).contains("act_ru_authorization", "(user_id_)");
    assertThat(indexes.get("aap_idx_job_due_date")).contains("act_ru_job", "(duedate_)");
  }
}
