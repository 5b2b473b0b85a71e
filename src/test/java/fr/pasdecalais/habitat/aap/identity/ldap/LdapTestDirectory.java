package fr.pasdecalais.habitat.aap.identity.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import fr.pasdecalais.habitat.aap.identity.Groups;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real LDAP server in the test JVM (UnboundID's in-memory directory, on a free port of the loopback
 * interface), holding the fictitious people and groups of {@code src/test/resources/ldap/directory.ldif}.
 * Its groups have directory-style names ({@code GG-AAP-Instructeurs-SPSLH}…), mapped to the product's
 * group ids through the same environment variables as in production, so that every test on it goes
 * through the mapping. Started once per JVM by {@link Initializer} (see {@link LdapProfileTest}).
 *
 * <p>Users per product group: {@link #userFor(String)} (the first), {@link #usersFor(String)} (all);
 * every password is {@link #PASSWORD}. {@link #USER_IN_NO_PRODUCT_GROUP} is only in unmapped directory
 * groups, one of them literally called {@code instructeurs}.
 */
public final class LdapTestDirectory {

  public static final String BASE_DN = "dc=pasdecalais,dc=test";
  public static final String MANAGER_DN = "cn=Gestionnaire AAP," + BASE_DN;
  public static final String MANAGER_PASSWORD = "Gestionnaire-Essai-2026!";
  /** Every directory user's password. */
  public static final String PASSWORD = "Annuaire-Essai-2026!";

  /** Product group → directory group (its cn), as given to the application in AAP_LDAP_GROUP_*. */
  public static final Map<String, String> DIRECTORY_GROUPS = orderedMap(
      Groups.INSTRUCTEURS, "GG-AAP-Instructeurs-SPSLH",
      // another case than the directory's: the mapping compares as LDAP does
      Groups.JURY, "gg-aap-jury",
      Groups.SECRETARIAT, "GG-AAP-Secretariat-Assemblee",
      Groups.FINANCES, "GG-AAP-Finances",
      Groups.ETAT_FINANCES, "GG-DDETS-Finances",
      Groups.PREFECTURE, "GG-PREF-Bureau-Decisions",
      Groups.SUPERVISEURS, "GG-AAP-Superviseurs",
      Groups.PORTEURS, "GG-AAP-Partenaires",
      Groups.ADMIN, "GG-AAP-Administrateurs");

  private static final Map<String, List<String>> USERS = Map.of(
      Groups.INSTRUCTEURS, List.of("margaux.delattre", "bastien.lecocq"),
      Groups.JURY, List.of("jules.vasseur", "lucie.deleau"),
      Groups.SECRETARIAT, List.of("ines.carpentier"),
      Groups.FINANCES, List.of("remi.vandamme"),
      Groups.ETAT_FINANCES, List.of("odile.baert"),
      Groups.PREFECTURE, List.of("yann.caron"),
      Groups.SUPERVISEURS, List.of("sarah.lefebvre"),
      Groups.PORTEURS, List.of("asso.logis-artois"),
      Groups.ADMIN, List.of("patrice.wallart"));

  /** In the unmapped directory groups {@code instructeurs} and {@code Tous-Agents} only. */
  public static final String USER_IN_NO_PRODUCT_GROUP = "nina.boulanger";

  private static InMemoryDirectoryServer server;

  private LdapTestDirectory() {}

  /** A directory user of that product group (a {@link Groups} id). */
  public static String userFor(String productGroup) {
    return usersFor(productGroup).get(0);
  }

  /** All the directory users of that product group. */
  public static List<String> usersFor(String productGroup) {
    List<String> users = USERS.get(productGroup);
    if (users == null) {
      throw new IllegalArgumentException("No directory user for group " + productGroup);
    }
    return users;
  }

  /** The running server (started on first use). */
  public static synchronized InMemoryDirectoryServer server() {
    if (server == null) {
      try (InputStream ldif = LdapTestDirectory.class.getResourceAsStream("/ldap/directory.ldif")) {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.addAdditionalBindCredentials(MANAGER_DN, MANAGER_PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
            InetAddress.getLoopbackAddress(), 0, null));
        InMemoryDirectoryServer started = new InMemoryDirectoryServer(config);
        started.importFromLDIF(true, new LDIFReader(ldif));
        started.startListening();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.shutDown(true)));
        server = started;
      } catch (LDAPException | IOException e) {
        throw new IllegalStateException("The test directory did not start", e);
      }
    }
    return server;
  }

  public static String url() {
    return "ldap://localhost:" + server().getListenPort();
  }

  /**
   * The environment of an application on profile {@code ldap} against this directory: the variables
   * that README and {@code application-ldap.yaml} document.
   */
  public static Map<String, Object> environment() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("AAP_LDAP_URL", url());
    env.put("AAP_LDAP_MANAGER_DN", MANAGER_DN);
    env.put("AAP_LDAP_MANAGER_PASSWORD", MANAGER_PASSWORD);
    env.put("AAP_LDAP_BASE_DN", BASE_DN);
    env.put("AAP_LDAP_USER_SEARCH_BASE", "ou=agents");
    env.put("AAP_LDAP_GROUP_SEARCH_BASE", "ou=groupes");
    env.put("AAP_LDAP_GROUP_INSTRUCTEURS", DIRECTORY_GROUPS.get(Groups.INSTRUCTEURS));
    env.put("AAP_LDAP_GROUP_JURY", DIRECTORY_GROUPS.get(Groups.JURY));
    env.put("AAP_LDAP_GROUP_SECRETARIAT", DIRECTORY_GROUPS.get(Groups.SECRETARIAT));
    env.put("AAP_LDAP_GROUP_FINANCES", DIRECTORY_GROUPS.get(Groups.FINANCES));
    env.put("AAP_LDAP_GROUP_ETAT_FINANCES", DIRECTORY_GROUPS.get(Groups.ETAT_FINANCES));
    env.put("AAP_LDAP_GROUP_PREFECTURE", DIRECTORY_GROUPS.get(Groups.PREFECTURE));
    env.put("AAP_LDAP_GROUP_SUPERVISEURS", DIRECTORY_GROUPS.get(Groups.SUPERVISEURS));
    env.put("AAP_LDAP_GROUP_PORTEURS", DIRECTORY_GROUPS.get(Groups.PORTEURS));
    env.put("AAP_LDAP_GROUP_ADMIN", DIRECTORY_GROUPS.get(Groups.ADMIN));
    return env;
  }

  /** Starts the directory and points the application at it, before the context is refreshed. */
  public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ldapTestDirectory", environment()));
    }
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
