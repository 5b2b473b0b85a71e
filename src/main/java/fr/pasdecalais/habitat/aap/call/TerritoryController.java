package fr.pasdecalais.habitat.aap.call;

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
public class TerritoryController {

  private final TerritoryDirectory territories;

  public TerritoryController(TerritoryDirectory territories) {
    this.territories = territories;
  }

  @GetMapping("/api/territories")
  public List<TerritoryDirectory.TerritoryView> all() {
    return territories.all();
  }

  @GetMapping("/api/territories/{code}")
  public TerritoryDirectory.TerritoryView one(@PathVariable String code) {
    return territories.find(code).orElseThrow(() -> fr.pasdecalais.habitat.aap.shared.DomainException.notFound(
        "Aucun territoire n'a le code « " + code + " »."));
  }

  @PostMapping("/api/territories/{code}")
  @PreAuthorize("hasRole('instructeurs')")
  public ResponseEntity<TerritoryDirectory.TerritoryView> create(@PathVariable String code,
      @RequestBody TerritoryDirectory.TerritoryRequest request) {
    return ResponseEntity.created(URI.create("/api/territories/" + code)).body(territories.create(code, request));
  }

  @PutMapping("/api/territories/{code}")
  @PreAuthorize("hasRole('instructeurs')")
  public TerritoryDirectory.TerritoryView update(@PathVariable String code,
      @RequestBody TerritoryDirectory.TerritoryRequest request) {
    return territories.update(code, request);
  }
}
