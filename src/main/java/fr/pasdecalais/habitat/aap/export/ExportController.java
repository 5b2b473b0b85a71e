package fr.pasdecalais.habitat.aap.export;

import fr.pasdecalais.habitat.aap.export.ExportScope.ScopedCall;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Les exports des dossiers et des conventions, à ouvrir dans un tableur (CSV ou XLSX), en lecture
 * seule. Les droits sont vérifiés et les filtres contrôlés avant le premier octet ; le fichier est
 * ensuite écrit au fil de la lecture, page par page.
 */
@RestController
@RequestMapping("/api/exports")
@Tag(name = "Exports", description = "Fichiers CSV ou XLSX des dossiers et des conventions, à ouvrir dans un tableur, écrits au fil de la lecture.")
public class ExportController {

  private final ExportScope scope;
  private final Exports exports;

  public ExportController(ExportScope scope, Exports exports) {
    this.scope = scope;
    this.exports = exports;
  }

  /**
   * Exporte les dossiers, une ligne par dossier : référence, organisation (nom, SIRET, type de
   * porteur), lot, territoires, état et sa date, montants demandé, proposé et accordé, résultats de
   * la complétude et de l'éligibilité avec leurs motifs, tours de régularisation, note pondérée et
   * rang, avis et notes de chaque membre du jury, référence et date de la décision.
   *
   * <p>Réservé aux agents : instructeurs, superviseurs et administrateur (403 pour les autres).
   *
   * @param call référence d'un appel (absent : tous les appels)
   * @param year année de l'appel (année d'ouverture de son premier lot)
   * @param state état du dossier (p. ex. {@code GRANTED})
   * @param territory code d'un territoire du dossier (p. ex. {@code BOULONNAIS})
   * @param funder financeur de l'appel : {@code DEPARTEMENT} ou {@code ETAT}
   * @param format {@code csv} (par défaut) ou {@code xlsx} ; à défaut, l'en-tête {@code Accept}
   *     ({@code text/csv} ou le type XLSX)
   * @return le fichier en pièce jointe, nommé {@code dossiers_<appel ou tous-les-appels>_<date>.csv|xlsx}
   */
  @GetMapping("/dossiers")
  @Operation(summary = "Exporter les dossiers (CSV ou XLSX)",
      description = "Une ligne par dossier : référence, organisation (nom, SIRET, type de porteur), lot, territoires, état et sa date, "
          + "montants demandé, proposé et accordé, complétude et éligibilité avec leurs motifs, tours de régularisation, note "
          + "pondérée et rang, avis et notes de chaque membre du jury, référence et date de la décision. Réservé aux agents "
          + "(instructeurs, superviseurs, administrateur). Le fichier est écrit au fil de la lecture.")
  public ResponseEntity<StreamingResponseBody> dossiers(
      @Parameter(description = "Référence d'un appel (sinon : tous les appels permis)", example = "AAP-2023-ASTRE")
      @RequestParam(required = false) String call,
      @Parameter(description = "Année de l'appel (année d'ouverture de son premier lot), sur quatre chiffres", example = "2023")
      @RequestParam(required = false) String year,
      @Parameter(description = "État du dossier, p. ex. GRANTED")
      @RequestParam(required = false) String state,
      @Parameter(description = "Code d'un territoire du dossier", example = "ARTOIS")
      @RequestParam(required = false) String territory,
      @Parameter(description = "Financeur de l'appel : DEPARTEMENT ou ETAT", example = "DEPARTEMENT")
      @RequestParam(required = false) String funder,
      @Parameter(description = "Format du fichier : csv (par défaut) ou xlsx", example = "xlsx")
      @RequestParam(required = false) String format,
      @Parameter(description = "À défaut de format : text/csv ou le type XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)")
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    Caller caller = Caller.current();
    ExportFilter filter = new ExportFilter(call, year(year), state, territory, funder);
    ExportFormat chosen = ExportFormat.of(format, accept);
    List<ScopedCall> calls = scope.dossiers(filter, caller);
    Exports.dossierState(filter);
    boolean withJury = caller.isAgent();
    return file("dossiers", filter, chosen, out -> {
      try (TableWriter writer = chosen.writer(out, "Dossiers")) {
        exports.writeDossiers(calls, filter, withJury, writer);
      }
    });
  }

  /**
   * Exporte les conventions et leur argent, une ligne par convention : numéro, période, montant,
   * chaque versement (avance, versements intermédiaires, solde : montant, numéros d'ordre et de
   * mandat, dates, statut), le titre de recette (numéro, montant, encaissé), les bilans (attendus,
   * reçus, en retard, approuvés) et les valeurs des indicateurs du bilan final.
   *
   * <p>Agents (instructeurs, superviseurs, administrateur) : tous les appels ; service financier du
   * Département ({@code finances}) : les appels du Département ; service financier de l'État
   * ({@code etat-finances}) : les appels de l'État ; 403 pour les autres.
   *
   * @param call référence d'un appel (absent : tous les appels permis)
   * @param year année de l'appel
   * @param state statut de la convention : {@code DRAFT}, {@code SIGNED}, {@code CLOSED}, {@code TERMINATED}
   * @param territory code d'un territoire du dossier
   * @param funder {@code DEPARTEMENT} ou {@code ETAT}
   * @param format {@code csv} (par défaut) ou {@code xlsx} ; à défaut, l'en-tête {@code Accept}
   * @return le fichier en pièce jointe, nommé {@code conventions_<appel ou tous-les-appels>_<date>.csv|xlsx}
   */
  @GetMapping("/conventions")
  @Operation(summary = "Exporter les conventions et leurs paiements (CSV ou XLSX)",
      description = "Une ligne par convention : numéro, période, montant, chaque versement (montant, numéros d'ordre et de mandat, "
          + "dates, statut), titre de recette (numéro, montant, encaissé), bilans (attendus, reçus, en retard, approuvés) et "
          + "indicateurs du bilan final. Agents : tous les appels ; finances : appels du Département ; etat-finances : appels "
          + "de l'État.")
  public ResponseEntity<StreamingResponseBody> conventions(
      @Parameter(description = "Référence d'un appel (sinon : tous les appels permis)", example = "AAP-2023-ASTRE")
      @RequestParam(required = false) String call,
      @Parameter(description = "Année de l'appel (année d'ouverture de son premier lot), sur quatre chiffres", example = "2023")
      @RequestParam(required = false) String year,
      @Parameter(description = "Statut de la convention : DRAFT, SIGNED, CLOSED ou TERMINATED")
      @RequestParam(required = false) String state,
      @Parameter(description = "Code d'un territoire du dossier", example = "ARTOIS")
      @RequestParam(required = false) String territory,
      @Parameter(description = "Financeur de l'appel : DEPARTEMENT ou ETAT", example = "DEPARTEMENT")
      @RequestParam(required = false) String funder,
      @Parameter(description = "Format du fichier : csv (par défaut) ou xlsx", example = "xlsx")
      @RequestParam(required = false) String format,
      @Parameter(description = "À défaut de format : text/csv ou le type XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)")
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    Caller caller = Caller.current();
    ExportFilter filter = new ExportFilter(call, year(year), state, territory, funder);
    ExportFormat chosen = ExportFormat.of(format, accept);
    List<ScopedCall> calls = scope.agreements(filter, caller);
    Exports.agreementStatus(filter);
    return file("conventions", filter, chosen, out -> {
      try (TableWriter writer = chosen.writer(out, "Conventions")) {
        exports.writeAgreements(calls, filter, writer);
      }
    });
  }

  private static ResponseEntity<StreamingResponseBody> file(String what, ExportFilter filter, ExportFormat format,
      StreamingResponseBody body) {
    LocalDate today = EngineClock.now().atZone(ParisDateTime.PARIS).toLocalDate();
    String name = what + "_" + (filter.call() == null ? "tous-les-appels" : filter.call().replaceAll("[^A-Za-z0-9_-]", "_"))
        + "_" + today + "." + format.extension();
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
            .build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(format.mediaType())
        .body(body);
  }

  private static Integer year(String year) {
    if (year == null || year.isBlank()) {
      return null;
    }
    if (!year.trim().matches("\\d{4}")) {
      throw DomainException.invalid("year", "L'année doit s'écrire sur quatre chiffres, p. ex. 2023.");
    }
    return Integer.valueOf(year.trim());
  }
}
