package fr.pasdecalais.habitat.aap.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a login against the engine's identity service: the same accounts as Tasklist. The
 * user's engine groups become Spring authorities {@code ROLE_<groupId>}.
 */
@Component
public class CamundaAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  public CamundaAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || credentials == null || !identityService.checkPassword(user, credentials.toString())) {
      throw new BadCredentialsException("Identifiant ou mot de passe incorrect.");
    }
    List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .map(g -> new SimpleGrantedAuthority("ROLE_" + g))
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
