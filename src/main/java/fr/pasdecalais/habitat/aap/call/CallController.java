package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
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
@Tag(name = "Appels", description = "Le catalogue des appels à projets et AMI, et la création d'un appel")
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
  @Operation(summary = "Lister les appels",
      description = "Les appels visibles par le compte : les brouillons pour les agents seulement.")
  @ApiResponse(responseCode = "200", description = "Les appels")
  @GetMapping
  public List<CallView.Summary> list() {
    return catalog.findVisible(seesDrafts()).stream().map(c -> CallView.summary(c, EngineClock.now())).toList();
  }

  /** One call; a draft is a 404 for anybody but agents. */
  @Operation(summary = "Lire un appel",
      description = "Lots, fenêtres de dépôt, statut, dossiers par état. Un brouillon est un 404 pour qui n'est pas agent.")
  @ApiResponse(responseCode = "200", description = "L'appel")
  @ApiResponse(responseCode = "404", description = "Appel inconnu (ou brouillon invisible pour ce compte)")
  @GetMapping("/{reference}")
  public CallView get(@Parameter(description = "Référence de l'appel, ex. AAP-2023-ASTRE") @PathVariable String reference) {
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
  @Operation(summary = "Créer et publier un appel",
      description = "Au format des fichiers du catalogue (docs/call-format.md). Réservé aux instructeurs. 400 liste chaque champ fautif.")
  @ApiResponse(responseCode = "201", description = "Appel créé (et publié sauf publish=false)")
  @ApiResponse(responseCode = "409", description = "Référence déjà prise")
  @PostMapping
  @PreAuthorize("hasRole('instructeurs')")
  public ResponseEntity<CallView> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "La définition de l'appel (format de docs/call-format.md)") @RequestBody CallDefinition definition,
      @Parameter(description = "Publier l'appel aussitôt (démarre son processus) ; false : brouillon") @RequestParam(defaultValue = "true") boolean publish) {
    CallForProjects call = lifecycle.create(definition, publish);
    return ResponseEntity.created(URI.create("/api/calls/" + call.getReference()))
        .body(CallView.of(call, EngineClock.now(), counts(call.getReference())));
  }

  private Map<String, Long> counts(String reference) {
    ApplicationCountSource source = counts.getIfAvailable();
    return source == null ? Map.of() : source.countByState(reference);
  }
}
