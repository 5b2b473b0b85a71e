package fr.pasdecalais.habitat.aap.call;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Territories a call may name: listed for every account, added and corrected by instructeurs
 * (an intercommunality with its SIREN, a commune with its INSEE code, a territory, an MDS).
 */
@RestController
@Tag(name = "Territoires", description = "Les territoires : EPCI, communes, territoires d'action, MDS")
public class TerritoryController {

  private final TerritoryDirectory territories;

  public TerritoryController(TerritoryDirectory territories) {
    this.territories = territories;
  }

  @Operation(summary = "Lister les territoires",
      description = "Avec leur type, leur parent et leur code officiel (SIREN d'un EPCI, code INSEE d'une commune).")
  @ApiResponse(responseCode = "200", description = "Les territoires")
  @GetMapping("/api/territories")
  public List<TerritoryDirectory.TerritoryView> all() {
    return territories.all();
  }

  @Operation(summary = "Lire un territoire")
  @ApiResponse(responseCode = "200", description = "Le territoire")
  @ApiResponse(responseCode = "404", description = "Territoire inconnu")
  @GetMapping("/api/territories/{code}")
  public TerritoryDirectory.TerritoryView one(@Parameter(description = "Code du territoire, ex. ARTOIS") @PathVariable String code) {
    return territories.find(code).orElseThrow(() -> fr.pasdecalais.habitat.aap.shared.DomainException.notFound(
        "Aucun territoire n'a le code « " + code + " »."));
  }

  @Operation(summary = "Ajouter un territoire",
      description = "Réservé aux instructeurs.")
  @ApiResponse(responseCode = "201", description = "Territoire ajouté")
  @ApiResponse(responseCode = "409", description = "Code ou code officiel déjà pris")
  @PostMapping("/api/territories/{code}")
  @PreAuthorize("hasRole('instructeurs')")
  public ResponseEntity<TerritoryDirectory.TerritoryView> create(@Parameter(description = "Code du nouveau territoire") @PathVariable String code,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Nom, type, parent et code officiel du territoire") @RequestBody TerritoryDirectory.TerritoryRequest request) {
    return ResponseEntity.created(URI.create("/api/territories/" + code)).body(territories.create(code, request));
  }

  @Operation(summary = "Corriger un territoire",
      description = "Réservé aux instructeurs.")
  @ApiResponse(responseCode = "200", description = "Territoire corrigé")
  @ApiResponse(responseCode = "404", description = "Territoire inconnu")
  @ApiResponse(responseCode = "409", description = "Code officiel déjà pris")
  @PutMapping("/api/territories/{code}")
  @PreAuthorize("hasRole('instructeurs')")
  public TerritoryDirectory.TerritoryView update(@Parameter(description = "Code du territoire") @PathVariable String code,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Nom, type, parent et code officiel du territoire") @RequestBody TerritoryDirectory.TerritoryRequest request) {
    return territories.update(code, request);
  }
}
