package fr.pasdecalais.habitat.aap.identity;

import fr.pasdecalais.habitat.aap.identity.LoginAttempt.Door;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a login against the engine's identity service: the same accounts as Tasklist. The
 * user's engine groups become Spring authorities {@code ROLE_<groupId>}. Failed logins are delayed
 * by {@link LoginThrottle}: inside a window the password is not even checked.
 */
@Component
public class CamundaAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  public CamundaAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    LoginDetails details = authentication.getDetails() instanceof LoginDetails d ? d : new LoginDetails("inconnue", "");
    String source = details.sourceAddress();
    Optional<Duration> blocked = throttle.blockedFor(user, source);
    if (blocked.isPresent()) {
      throw new LoginThrottledException(blocked.get());
    }
    if (user == null || credentials == null || !identityService.checkPassword(user, credentials.toString())) {
      throttle.failed(user, source, details.door());
      throw new BadCredentialsException("Identifiant ou mot de passe incorrect.");
    }
    throttle.succeeded(user, source);
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

  /** Where a login comes from (address) and through which door (set by the HTTP basic filter). */
  public record LoginDetails(String sourceAddress, String requestUri) {
    public static LoginDetails of(HttpServletRequest request) {
      return new LoginDetails(request.getRemoteAddr(), request.getRequestURI());
    }

    Door door() {
      return requestUri.contains("/engine-rest/") ? Door.ENGINE_REST : Door.API;
    }
  }

  /** Too many failures: the request is answered 429 with the wait. */
  public static class LoginThrottledException extends AuthenticationException {
    private final transient Duration wait;

    public LoginThrottledException(Duration wait) {
      super(LoginThrottle.message(wait));
      this.wait = wait;
    }

    public Duration getWait() {
      return wait;
    }
  }
}
