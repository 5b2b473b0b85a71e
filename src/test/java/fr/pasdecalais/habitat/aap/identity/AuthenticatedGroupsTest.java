package fr.pasdecalais.habitat.aap.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.identity.AuthenticatedGroupsPlugin.CallerGroupsAuthorizationManager;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The permission checks take the caller's groups as they are ({@link AuthenticatedGroupsPlugin}), without
 * first reading which groups hold a grant: a grant of one of the caller's groups still answers yes beside
 * groups without any grant, and groups without a grant still answer no.
 */
@SpringScenarioTest
class AuthenticatedGroupsTest {

  @Autowired ProcessEngine engine;

  @Test
  void aGrantOfOneOfTheCallersGroupsAnswersAsBeforeBesideGroupsWithoutAnyGrant() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("ag.granted");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId("ag-definition");
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
    try {
      assertThat(authorizations.isUserAuthorized("ag.user", List.of("ag.without-grant", "ag.granted"), Permissions.READ,
          Resources.PROCESS_DEFINITION, "ag-definition")).isTrue();
      assertThat(authorizations.isUserAuthorized("ag.user", List.of("ag.without-grant", "ag.other"), Permissions.READ,
          Resources.PROCESS_DEFINITION, "ag-definition")).as("groups without any grant").isFalse();
      assertThat(authorizations.isUserAuthorized("ag.user", List.of("ag.without-grant", "ag.granted"), Permissions.UPDATE,
          Resources.PROCESS_DEFINITION, "ag-definition")).as("a permission not granted").isFalse();
      assertThat(authorizations.isUserAuthorized("ag.user", List.of("ag.granted"), Permissions.READ,
          Resources.PROCESS_DEFINITION, "another-definition")).as("another resource").isFalse();
    } finally {
      authorizations.deleteAuthorization(grant.getId());
    }
  }

  @Test
  void theEnginesAuthorizationManagerIsTheOneThatKeepsTheCallersGroups() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getSessionFactories().get(AuthorizationManager.class).openSession())
        .isInstanceOf(CallerGroupsAuthorizationManager.class);
    assertThat(new CallerGroupsAuthorizationManager().filterAuthenticatedGroupIds(
        java.util.Arrays.asList("instructeurs", null, "jury", "instructeurs"))).containsExactly("instructeurs", "jury");
  }
}
