package fr.pasdecalais.habitat.aap.identity.ldap;

import fr.pasdecalais.habitat.aap.identity.Groups;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which directory group stands for which product group. A directory group is named by the value of
 * its id attribute ({@code aap.ldap.group-id-attribute}, {@code cn} by default), compared without
 * regard to case as LDAP does. Directory groups that are not mapped are not seen by the engine at
 * all, even when one happens to be called like a product group.
 */
public final class LdapGroupMapping {

  /** Every group the product knows (and grants rights to). */
  public static final List<String> PRODUCT_GROUPS = List.of(Groups.INSTRUCTEURS, Groups.JURY, Groups.SECRETARIAT,
      Groups.FINANCES, Groups.ETAT_FINANCES, Groups.PREFECTURE, Groups.SUPERVISEURS, Groups.PORTEURS, Groups.ADMIN);

  private final Map<String, String> productToDirectory;
  private final Map<String, String> directoryToProduct;

  private LdapGroupMapping(Map<String, String> productToDirectory) {
    this.productToDirectory = Collections.unmodifiableMap(productToDirectory);
    Map<String, String> reverse = new LinkedHashMap<>();
    productToDirectory.forEach((product, directory) -> reverse.put(key(directory), product));
    this.directoryToProduct = Collections.unmodifiableMap(reverse);
  }

  /**
   * @param productToDirectory product group id → directory group id; blank values mean "not in the
   *     directory". Refused (with the reason in French): an unknown product group, one directory group
   *     for two product groups, and a mapping without the administrators' group.
   */
  public static LdapGroupMapping of(Map<String, String> productToDirectory) {
    Map<String, String> mapped = new LinkedHashMap<>();
    Map<String, String> seen = new LinkedHashMap<>();
    productToDirectory.forEach((product, directory) -> {
      if (!PRODUCT_GROUPS.contains(product)) {
        throw new IllegalStateException("aap.ldap.group-mapping : groupe « " + product
            + " » inconnu ; groupes possibles : " + String.join(", ", PRODUCT_GROUPS) + ".");
      }
      if (directory == null || directory.isBlank()) {
        return;
      }
      String other = seen.put(key(directory.trim()), product);
      if (other != null) {
        throw new IllegalStateException("aap.ldap.group-mapping : le groupe de l'annuaire « " + directory.trim()
            + " » est associé à deux groupes, « " + other + " » et « " + product + " ».");
      }
      mapped.put(product, directory.trim());
    });
    if (!mapped.containsKey(Groups.ADMIN)) {
      throw new IllegalStateException("Démarrage refusé : AAP_LDAP_GROUP_ADMIN est absent : indiquez le groupe "
          + "de l'annuaire dont les membres administrent la plateforme (groupe « " + Groups.ADMIN + " »).");
    }
    return new LdapGroupMapping(mapped);
  }

  /** @return the product group id of a directory group, or null when that group is not mapped. */
  public String toProduct(String directoryGroupId) {
    return directoryGroupId == null ? null : directoryToProduct.get(key(directoryGroupId));
  }

  /** @return the directory group id of a product group, or null when it is not in the directory. */
  public String toDirectory(String productGroupId) {
    return productGroupId == null ? null : productToDirectory.get(productGroupId);
  }

  /** The product groups found in the directory. */
  public Collection<String> productGroups() {
    return productToDirectory.keySet();
  }

  /** Product group id → directory group id, for the start-up log. */
  public Map<String, String> asMap() {
    return productToDirectory;
  }

  private static String key(String directoryGroupId) {
    return directoryGroupId.toLowerCase(Locale.ROOT);
  }
}
