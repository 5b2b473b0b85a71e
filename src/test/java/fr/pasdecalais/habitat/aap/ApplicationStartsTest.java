package fr.pasdecalais.habitat.aap;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.TasklistFilters;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SpringScenarioTest
class ApplicationStartsTest {

  @Autowired ProcessEngine engine;

  @Test
  void groupsAndSharedFiltersExistAtStartUp() {
    for (String group : Groups.TASKLIST_GROUPS) {
      assertThat(engine.getIdentityService().createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
    }
    assertThat(engine.getFilterService().createFilterQuery().list())
        .extracting(f -> f.getName())
        .contains(TasklistFilters.MY_TASKS, TasklistFilters.GROUP_TASKS, TasklistFilters.ALL_TASKS);
  }
}
