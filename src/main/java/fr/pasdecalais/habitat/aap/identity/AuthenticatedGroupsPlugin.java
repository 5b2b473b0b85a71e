package fr.pasdecalais.habitat.aap.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The authorization checks take the caller's groups as they are, instead of first reading which groups
 * hold any authorization at all. The engine's {@link AuthorizationManager} narrows the caller's groups
 * to those with at least one authorization row, by {@code SELECT distinct(GROUP_ID_) FROM
 * ACT_RU_AUTHORIZATION} once in every command that checks a permission: a read of the whole grants
 * table (tens of thousands of rows with per-task grants), meant for directories where a user belongs to
 * thousands of groups. Here an account has a handful of groups (identity.Groups), and a group without
 * any grant matches no grant row in the check that follows: the answer of every check is the same,
 * without the read.
 */
@Component
public class AuthenticatedGroupsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new CallerGroupsAuthorizationManager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's authorization manager, the caller's groups unfiltered (without nulls or duplicates). */
  static class CallerGroupsAuthorizationManager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return EMPTY_LIST;
      }
      LinkedHashSet<String> groups = new LinkedHashSet<>(authenticatedGroupIds);
      groups.removeIf(Objects::isNull);
      return new ArrayList<>(groups);
    }
  }
}
