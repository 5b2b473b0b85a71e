package fr.pasdecalais.habitat.aap.call;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/calls}: the catalogue (any authenticated user) and the creation of a call (agents),
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

  @GetMapping
  public List<CallView.Summary> list() {
    return catalog.findAll().stream().map(c -> CallView.summary(c, CallCatalog.now())).toList();
  }

  @GetMapping("/{reference}")
  public CallView get(@PathVariable String reference) {
    CallForProjects call = catalog.getByReference(reference);
    return CallView.of(call, CallCatalog.now(), counts(reference));
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
        .body(CallView.of(call, CallCatalog.now(), counts(call.getReference())));
  }

  private Map<String, Long> counts(String reference) {
    ApplicationCountSource source = counts.getIfAvailable();
    return source == null ? Map.of() : source.countByState(reference);
  }
}
