package fr.pasdecalais.habitat.aap.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which of the engine's statements may use a plan cached by PostgreSQL (EngineStatementPlans). */
class EngineStatementPlansTest {

  @Test
  void theJobExecutorsStatementsUseCachedPlans() {
    assertThat(EngineStatementPlans.cachedPlan("selectJob", "select * from ACT_RU_JOB where ID_ = ?")).isTrue();
    assertThat(EngineStatementPlans.cachedPlan("deleteExecution", "delete from ACT_RU_EXECUTION where ID_ = ? and REV_ = ?"))
        .isTrue();
    assertThat(EngineStatementPlans.cachedPlan("insertVariableInstance", "insert into ACT_RU_VARIABLE (ID_) values (?)"))
        .isTrue();
    assertThat(EngineStatementPlans.cachedPlan("selectVariablesByExecutionId",
        "select * from ACT_RU_VARIABLE where EXECUTION_ID_ = ?")).isTrue();
  }

  @Test
  void anyStatementReadingTheGrantsIsPlannedWithItsValues() {
    assertThat(EngineStatementPlans.cachedPlan("selectExecution",
        "select * from ACT_RU_EXECUTION E where ID_ = ? and exists (select 1 from ACT_RU_AUTHORIZATION A where A.PERMS_ & ? = ?)"))
        .isFalse();
    assertThat(EngineStatementPlans.cachedPlan("isUserAuthorizedForResource",
        "SELECT COALESCE((SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.USER_ID_ = ?), 0)")).isFalse();
  }

  @Test
  void jobAcquisitionIsPlannedWithTheCurrentTime() {
    assertThat(EngineStatementPlans.cachedPlan("selectNextJobsToExecute",
        "select RES.ID_, RES.REV_ from ACT_RU_JOB RES where (RES.RETRIES_ > 0) and RES.DUEDATE_ <= ?")).isFalse();
    assertThat(EngineStatementPlans.cachedPlan("selectUnlockedTimersByDuedate",
        "select RES.* from ACT_RU_JOB RES where RES.DUEDATE_ <= ?")).isFalse();
  }

  @Test
  void theQueriesOfTasklistCockpitAndTheRestApiArePlannedWithTheirValues() {
    for (String id : new String[] {"selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria",
        "selectHistoricProcessInstanceIdsForCleanup", "selectTaskCountByCandidateGroupReportQuery",
        "selectProcessDefinitionStatistics", "selectCompletedHistoricActivityPage", "selectTaskByNativeQuery"}) {
      assertThat(EngineStatementPlans.cachedPlan(id, "select RES.* from ACT_RU_TASK RES")).as(id).isFalse();
    }
  }
}
