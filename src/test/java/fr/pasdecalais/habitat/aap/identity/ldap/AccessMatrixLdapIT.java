package fr.pasdecalais.habitat.aap.identity.ldap;

import fr.pasdecalais.habitat.aap.identity.AccessMatrix;
import fr.pasdecalais.habitat.aap.identity.Groups;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The same access matrix ({@code docs/access-matrix.md}) with the directory's accounts: users and
 * groups from LDAP, group names mapped to the product's. Only the rows that write users are not
 * run (a directory is read-only for the application).
 */
@LdapProfileTest
class AccessMatrixLdapIT extends AccessMatrix {

  @Override
  protected String[] jurors() {
    return new String[] {LdapTestDirectory.usersFor(Groups.JURY).get(0), LdapTestDirectory.usersFor(Groups.JURY).get(1)};
  }

  @Override
  protected Map<String, Login> logins(String jurorOfTheCall, String otherJuror) {
    String password = LdapTestDirectory.PASSWORD;
    Map<String, Login> logins = new LinkedHashMap<>();
    logins.put("porteur", new Login(LdapTestDirectory.userFor(Groups.PORTEURS), password, null));
    logins.put("jury de l'appel", new Login(jurorOfTheCall, password, null));
    logins.put("jury hors appel", new Login(otherJuror, password, null));
    logins.put("instructeur", new Login(LdapTestDirectory.userFor(Groups.INSTRUCTEURS), password, null));
    logins.put("secrétariat", new Login(LdapTestDirectory.userFor(Groups.SECRETARIAT), password, null));
    logins.put("finances", new Login(LdapTestDirectory.userFor(Groups.FINANCES), password, null));
    logins.put("finances État", new Login(LdapTestDirectory.userFor(Groups.ETAT_FINANCES), password, null));
    logins.put("préfecture", new Login(LdapTestDirectory.userFor(Groups.PREFECTURE), password, null));
    logins.put("superviseur", new Login(LdapTestDirectory.userFor(Groups.SUPERVISEURS), password, null));
    logins.put("administrateur", new Login(LdapTestDirectory.userFor(Groups.ADMIN), password, null));
    return logins;
  }

  @Override
  protected String notApplicable(Row row) {
    return row.path().contains("/user/create") ? "l'annuaire LDAP est en lecture seule pour l'application" : null;
  }
}
