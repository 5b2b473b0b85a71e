package fr.pasdecalais.habitat.aap.demo;

import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data (only with {@code aap.demo-data.enabled}): the demo accounts, one or more per group,
 * created after the groups and grants ({@link IdentitySetup}, order 10) and before the demo calls.
 */
@ConditionalOnProperty(prefix = "aap.demo-data", name = "enabled", havingValue = "true")
@Component
public class DemoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  /** Demo users: fictitious people. Their password is {@link #PASSWORD}, in the demo data only. */
  public static final List<DemoUser> USERS = List.of(
      new DemoUser("camille.martin", "Camille", "Martin", Groups.INSTRUCTEURS),
      new DemoUser("julien.bernard", "Julien", "Bernard", Groups.INSTRUCTEURS),
      new DemoUser("sophie.dubois", "Sophie", "Dubois", Groups.JURY),
      new DemoUser("thomas.leroy", "Thomas", "Leroy", Groups.JURY),
      new DemoUser("nadia.benali", "Nadia", "Benali", Groups.JURY),
      new DemoUser("pierre.lambert", "Pierre", "Lambert", Groups.JURY),
      new DemoUser("isabelle.moreau", "Isabelle", "Moreau", Groups.SECRETARIAT),
      new DemoUser("laurent.petit", "Laurent", "Petit", Groups.FINANCES),
      new DemoUser("helene.carpentier", "Hélène", "Carpentier", Groups.ETAT_FINANCES),
      new DemoUser("marc.delattre", "Marc", "Delattre", Groups.PREFECTURE),
      new DemoUser("claire.fontaine", "Claire", "Fontaine", Groups.SUPERVISEURS),
      new DemoUser("admin", "Administrateur", "Démo", Groups.ADMIN));
  public static final String PASSWORD = "demo";

  private final IdentityService identityService;
  private final IdentitySetup identitySetup;

  public DemoUsers(IdentityService identityService, IdentitySetup identitySetup) {
    this.identityService = identityService;
    this.identitySetup = identitySetup;
  }

  @EventListener
  @Order(15)
  public void onApplicationReady(ApplicationReadyEvent event) {
    if (identityService.isReadOnly()) {
      return;
    }
    USERS.forEach(u -> identitySetup.ensureUser(u.id(), u.firstName(), u.lastName(), PASSWORD, u.group()));
    LOG.info("Comptes de démonstration prêts ({} comptes, mot de passe « {} »)", USERS.size(), PASSWORD);
  }

  /** A demo account. */
  public record DemoUser(String id, String firstName, String lastName, String group) {
    @Override
    public String toString() {
      return id + " (" + firstName + " " + lastName + ", " + group + ")";
    }
  }
}
