package fr.pasdecalais.habitat.aap.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/login-attempts?user=&days=}: failed and throttled logins, newest first, for administrators. */
@RestController
@Tag(name = "Administration", description = "Réservé aux administrateurs")
@PreAuthorize("hasRole('camunda-admin')")
public class LoginAttemptController {

  private final LoginAttemptRepository attempts;

  public LoginAttemptController(LoginAttemptRepository attempts) {
    this.attempts = attempts;
  }

  public record LoginAttemptView(Instant at, String user, String from, String door, String outcome, String detail) {}

  @Operation(summary = "Lister les échecs de connexion",
      description = "Échecs et temporisations, conservés 90 jours. Administrateurs.")
  @ApiResponse(responseCode = "200", description = "Les tentatives")
  @GetMapping("/api/admin/login-attempts")
  public List<LoginAttemptView> list(@Parameter(description = "Un compte") @RequestParam(required = false) String user,
      @Parameter(description = "Nombre de jours en arrière (7 par défaut)") @RequestParam(defaultValue = "7") int days) {
    Instant since = Instant.now().minus(Duration.ofDays(Math.max(1, Math.min(days, LoginThrottle.RETENTION_DAYS))));
    PageRequest page = PageRequest.of(0, 500);
    List<LoginAttempt> found = user == null || user.isBlank()
        ? attempts.findByOccurredAtAfterOrderByOccurredAtDesc(since, page)
        : attempts.findByUserIdAndOccurredAtAfterOrderByOccurredAtDesc(user.trim(), since, page);
    return found.stream().map(a -> new LoginAttemptView(a.getOccurredAt(), a.getUserId(), a.getSourceAddress(),
        a.getDoor().name(), a.getOutcome().name(), a.getDetail())).toList();
  }
}
