package fr.pasdecalais.habitat.aap.identity;

import java.util.Locale;
import java.util.Set;

/** Refuses a missing or trivial administrator password, with the reason in French. */
final class AdminPasswordPolicy {

  private static final Set<String> TRIVIAL = Set.of("admin", "administrateur", "password", "motdepasse",
      "changeme", "camunda", "demo", "123456", "12345678", "123456789", "azerty", "azertyuiop", "qwerty",
      "secret", "postgres", "root");

  private AdminPasswordPolicy() {}

  /** @return null when acceptable, else why not (French). */
  static String refusal(String user, String password) {
    if (user == null || user.isBlank()) {
      return "AAP_ADMIN_USER est absent : indiquez l'identifiant de l'administrateur.";
    }
    if (password == null || password.isBlank()) {
      return "AAP_ADMIN_PASSWORD est absent : indiquez le mot de passe de l'administrateur.";
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (password.length() < 12) {
      return "AAP_ADMIN_PASSWORD est trop court : 12 caractères au moins.";
    }
    if (TRIVIAL.contains(lower) || lower.contains(user.toLowerCase(Locale.ROOT))
        || lower.chars().distinct().count() < 5) {
      return "AAP_ADMIN_PASSWORD est trop simple : choisissez un mot de passe non trivial.";
    }
    return null;
  }
}
