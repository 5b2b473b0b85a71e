package fr.pasdecalais.habitat.aap.identity;

import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;

/** The access matrix with the engine's own accounts (default identity). */
@SpringScenarioTest
class AccessMatrixTest extends AccessMatrix {

  @Value("${aap.admin.user}") String adminUser;
  @Value("${aap.admin.password}") String adminPassword;

  @Override
  protected String[] jurors() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    return new String[] {"m-jure-" + suffix, "m-jure-ailleurs-" + suffix};
  }

  @Override
  protected Map<String, Login> logins(String jurorOfTheCall, String otherJuror) {
    Map<String, Login> logins = new LinkedHashMap<>();
    logins.put("porteur", new Login("m-porteur", PASSWORD, Groups.PORTEURS));
    logins.put("jury de l'appel", new Login(jurorOfTheCall, PASSWORD, Groups.JURY));
    logins.put("jury hors appel", new Login(otherJuror, PASSWORD, Groups.JURY));
    logins.put("instructeur", new Login("m-instructeur", PASSWORD, Groups.INSTRUCTEURS));
    logins.put("secrétariat", new Login("m-secretariat", PASSWORD, Groups.SECRETARIAT));
    logins.put("finances", new Login("m-finances", PASSWORD, Groups.FINANCES));
    logins.put("finances État", new Login("m-etat-finances", PASSWORD, Groups.ETAT_FINANCES));
    logins.put("préfecture", new Login("m-prefecture", PASSWORD, Groups.PREFECTURE));
    logins.put("superviseur", new Login("m-superviseur", PASSWORD, Groups.SUPERVISEURS));
    logins.put("administrateur", new Login(adminUser, adminPassword, null));
    return logins;
  }
}
