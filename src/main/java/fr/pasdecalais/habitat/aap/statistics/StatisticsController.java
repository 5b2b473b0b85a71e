package fr.pasdecalais.habitat.aap.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calls' statistics, for the agents, the Département's finance service and the supervisors
 * (the Cockpit dashboard reads them with the supervisor's webapp session): the same readers as a
 * call's money ({@code GET /api/calls/{ref}/agreement-totals}).
 */
@RestController
@Tag(name = "Statistiques", description = "Statistiques des appels à projets : dossiers par état, montants, délais de traitement, bilans en retard, régularisations.")
public class StatisticsController {

  private final StatisticsService statistics;

  public StatisticsController(StatisticsService statistics) {
    this.statistics = statistics;
  }

  @GetMapping("/api/statistics")
  @PreAuthorize("hasAnyRole('instructeurs', 'finances', 'superviseurs', 'camunda-admin')")
  @Operation(summary = "Statistiques des appels à projets",
      description = "Par appel et pour l'ensemble : dossiers par état, montants accordés / versés / recouvrés par appel, lot, "
          + "territoire, type de porteur et financeur, délais de traitement depuis le dépôt (médiane et 90e centile, en jours), "
          + "bilans en retard, tours de régularisation. Sources : la chronologie des dossiers (horodatée à l'horloge du moteur), "
          + "les conventions (dates de signature), les paiements (dates de versement) et les encaissements des titres de recette. "
          + "Réservé aux instructeurs, au service financier du Département, aux superviseurs et aux administrateurs.")
  public Statistics statistics(
      @Parameter(description = "Référence d'un appel (sinon : tous les appels)", example = "AAP-2023-ASTRE")
      @RequestParam(required = false) String call,
      @Parameter(description = "Année de dépôt des dossiers", example = "2023")
      @RequestParam(required = false) Integer year,
      @Parameter(description = "Financeur de l'appel : DEPARTEMENT ou ETAT", example = "DEPARTEMENT")
      @RequestParam(required = false) String funder,
      @Parameter(description = "Code d'un territoire : les dossiers qui le visent", example = "ARTOIS")
      @RequestParam(required = false) String territory) {
    return statistics.compute(call, year, funder, territory);
  }
}
