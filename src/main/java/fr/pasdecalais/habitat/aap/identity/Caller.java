package fr.pasdecalais.habitat.aap.identity;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who calls the API: user id and engine groups. */
public record Caller(String userId, Set<String> groups) {

  public static Caller current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null) {
      return new Caller(Actors.SYSTEM, Set.of());
    }
    return new Caller(auth.getName(), auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet()));
  }

  /** Agents of the service: instructeurs, supervisors (read), administrators. */
  public boolean isAgent() {
    return groups.contains(Groups.INSTRUCTEURS) || groups.contains(Groups.SUPERVISEURS) || groups.contains(Groups.ADMIN);
  }

  /** Agents who may act on a dossier (not the read-only supervisors). */
  public boolean isInstructor() {
    return groups.contains(Groups.INSTRUCTEURS) || groups.contains(Groups.ADMIN);
  }

  public boolean isPartner() {
    return groups.contains(Groups.PORTEURS);
  }

  public boolean isJury() {
    return groups.contains(Groups.JURY);
  }
}
