package fr.pasdecalais.habitat.aap.statistics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * What {@code GET /api/statistics} answers: the figures of every call the filters keep, and the
 * same figures over all of them. Amounts in euros (scale 2), durations in calendar days (Paris).
 */
@Schema(description = "Statistiques des appels à projets : par appel et pour l'ensemble des appels retenus par les filtres.")
public record Statistics(
    @Schema(description = "Filtres appliqués") Filters filters,
    @Schema(description = "Chiffres de l'ensemble des appels retenus") Figures overall,
    @Schema(description = "Chiffres de chaque appel retenu (ayant au moins un dossier, ou demandé par le filtre `call`)") List<CallFigures> calls) {

  @Schema(description = "Filtres appliqués (null : pas de filtre)")
  public record Filters(
      @Schema(description = "Référence de l'appel", example = "AAP-2023-ASTRE") String call,
      @Schema(description = "Année de dépôt des dossiers", example = "2023") Integer year,
      @Schema(description = "Financeur : DEPARTEMENT ou ETAT", example = "DEPARTEMENT") String funder,
      @Schema(description = "Code du territoire du dossier", example = "ARTOIS") String territory) {}

  @Schema(description = "Les chiffres d'un appel")
  public record CallFigures(
      @Schema(description = "Référence de l'appel") String reference,
      @Schema(description = "Intitulé de l'appel") String title,
      @Schema(description = "Financeur (nom)") String funder,
      @Schema(description = "Type de financeur : DEPARTEMENT ou ETAT") String funderKind,
      @Schema(description = "Ses chiffres") Figures figures) {}

  @Schema(description = "Chiffres d'un appel ou de l'ensemble")
  public record Figures(
      @Schema(description = "Nombre de dossiers déposés") int dossiers,
      @Schema(description = "Dossiers par état, avec les montants demandés et accordés") List<StateCount> dossiersByState,
      @Schema(description = "Montants accordés (conventions), versés et recouvrés") Amounts amounts,
      @Schema(description = "Montants par appel") List<Breakdown> byCall,
      @Schema(description = "Montants par lot (clé : appel/lot)") List<Breakdown> byLot,
      @Schema(description = "Montants par territoire du dossier (un dossier sur plusieurs territoires compte dans chacun)") List<Breakdown> byTerritory,
      @Schema(description = "Montants par type de porteur") List<Breakdown> byHolderType,
      @Schema(description = "Montants par financeur (la part d'un cofinanceur selon son pourcentage)") List<Breakdown> byFunder,
      @Schema(description = "Délais de traitement depuis le dépôt, en jours calendaires") List<ProcessingTime> processingTimes,
      @Schema(description = "Bilans attendus à ce jour et en retard") ReportFigures reports,
      @Schema(description = "Tours de régularisation par dossier") Regularisations regularisations) {}

  @Schema(description = "Dossiers dans un état")
  public record StateCount(
      @Schema(description = "Code de l'état", example = "GRANTED") String state,
      @Schema(description = "Libellé de l'état", example = "Subvention accordée") String label,
      @Schema(description = "Nombre de dossiers") int dossiers,
      @Schema(description = "Montant demandé par ces dossiers (€)") BigDecimal requested,
      @Schema(description = "Montant accordé par leurs conventions (€)") BigDecimal granted) {}

  @Schema(description = "Montants en euros")
  public record Amounts(
      @Schema(description = "Accordé : montant des conventions (une convention résiliée : ce qui était dû)") BigDecimal granted,
      @Schema(description = "Versé : paiements effectués (avances, versements intermédiaires, soldes)") BigDecimal paid,
      @Schema(description = "Recouvré : encaissé sur les titres de recette") BigDecimal recovered) {}

  @Schema(description = "Montants d'un groupe (appel, lot, territoire, type de porteur, financeur)")
  public record Breakdown(
      @Schema(description = "Clé du groupe") String key,
      @Schema(description = "Libellé du groupe") String label,
      @Schema(description = "Nombre de dossiers") int dossiers,
      @Schema(description = "Nombre de conventions") int conventions,
      @Schema(description = "Accordé (€)") BigDecimal granted,
      @Schema(description = "Versé (€)") BigDecimal paid,
      @Schema(description = "Recouvré (€)") BigDecimal recovered) {}

  @Schema(description = "Délai entre le dépôt d'un dossier et une étape")
  public record ProcessingTime(
      @Schema(description = "Étape", example = "COMPLETENESS") String step,
      @Schema(description = "Libellé", example = "Du dépôt à la décision de complétude") String label,
      @Schema(description = "Nombre de dossiers ayant franchi l'étape") int dossiers,
      @Schema(description = "Médiane, en jours (null sans dossier)") BigDecimal medianDays,
      @Schema(description = "90e centile, en jours (interpolation linéaire, comme CENTILE.INCLURE)") BigDecimal p90Days,
      @Schema(description = "Histogramme : dossiers par tranche de délai") List<Bucket> histogram) {}

  @Schema(description = "Une tranche de l'histogramme des délais")
  public record Bucket(
      @Schema(description = "Libellé", example = "8 à 15 j") String label,
      @Schema(description = "Délai minimal de la tranche, en jours") int fromDays,
      @Schema(description = "Délai maximal de la tranche, en jours (null : sans limite)") Integer toDays,
      @Schema(description = "Nombre de dossiers") int dossiers) {}

  @Schema(description = "Bilans des conventions")
  public record ReportFigures(
      @Schema(description = "Bilans échus à ce jour ou déjà reçus") int expected,
      @Schema(description = "Bilans signalés en retard") int late) {}

  @Schema(description = "Régularisations")
  public record Regularisations(
      @Schema(description = "Dossiers ayant eu au moins une demande de régularisation") int dossiers,
      @Schema(description = "Nombre total de demandes") int rounds,
      @Schema(description = "Nombre maximal de demandes pour un dossier") int max,
      @Schema(description = "Moyenne de demandes par dossier déposé") BigDecimal average,
      @Schema(description = "Répartition : dossiers par nombre de demandes") List<RoundCount> distribution) {}

  @Schema(description = "Dossiers ayant eu un nombre donné de demandes de régularisation")
  public record RoundCount(
      @Schema(description = "Nombre de demandes") int rounds,
      @Schema(description = "Nombre de dossiers") int dossiers) {}
}
