package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.identity.Groups;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/calls}: the catalogue (any authenticated user; drafts for agents only) and the creation of a call (agents),
 * in the format of {@code docs/call-format.md}.
 */
@RestController
@RequestMapping("/api/calls")
public class CallController {

  private final CallCatalog catalog;
  private final CallLifecycle lifecycle;
  private final ObjectProvider<ApplicationCountSource> counts;

  public CallController(CallCatalog catalog, CallLifecycle lifecycle, ObjectProvider<ApplicationCountSource> counts) {
    this.catalog = catalog;
    this.lifecycle = lifecycle;
    this.counts = counts;
  }

  /** The catalogue: drafts for agents only. */
  @GetMapping
  public List<CallView.Summary> list() {
    return catalog.findVisible(seesDrafts()).stream().map(c -> CallView.summary(c, EngineClock.now())).toList();
  }

  /** One call; a draft is a 404 for anybody but agents. */
  @GetMapping("/{reference}")
  public CallView get(@PathVariable String reference) {
    CallForProjects call = catalog.getVisible(reference, seesDrafts());
    return CallView.of(call, EngineClock.now(), counts(reference));
  }

  /** Agents of the service (instructeurs, superviseurs, administrators) see drafts; partners, jury and others do not. */
  static boolean seesDrafts() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null) {
      return false;
    }
    Set<String> agentRoles = Set.of("ROLE_" + Groups.INSTRUCTEURS, "ROLE_" + Groups.SUPERVISEURS, "ROLE_" + Groups.ADMIN);
    return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(agentRoles::contains);
  }

  /**
   * Creates a call and (unless {@code publish=false}) publishes it by starting its process.
   * 400 lists every faulty field; 409 when the reference is taken.
   */
  @PostMapping
  @PreAuthorize("hasRole('instructeurs')")
  public ResponseEntity<CallView> create(@RequestBody CallDefinition definition,
      @RequestParam(defaultValue = "true") boolean publish) {
    CallForProjects call = lifecycle.create(definition, publish);
    return ResponseEntity.created(URI.create("/api/calls/" + call.getReference()))
        .body(CallView.of(call, EngineClock.now(), counts(call.getReference())));
  }

  private Map<String, Long> counts(String reference) {
    ApplicationCountSource source = counts.getIfAvailable();
    return source == null ? Map.of() : source.countByState(reference);
  }
}
