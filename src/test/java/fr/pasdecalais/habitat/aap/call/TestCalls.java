package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Call definitions for tests, with unique references (tests share the database). */
final class TestCalls {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestCalls() {}

  static String uniqueReference(String prefix) {
    return prefix + "-" + System.nanoTime() % 100000 + COUNTER.incrementAndGet();
  }

  static CallDefinition.Lot lot(String code, String opens, String closes, String conventionStart,
      String conventionEnd, String budget, String... territories) {
    return new CallDefinition.Lot(code, "Lot " + code, List.of(territories), ParisDateTime.parse(opens),
        ParisDateTime.parse(closes), LocalDate.parse(conventionStart), LocalDate.parse(conventionEnd),
        new BigDecimal(budget));
  }

  /** Prévention des expulsions: AMI 1 and AMI 2 with their windows, periods and envelopes. */
  static CallDefinition prevention(String reference, DecidingBody body) {
    return call(reference, body, List.of(
        lot("AMI1", "2022-12-15T00:00:00", "2023-02-03T23:59:59", "2023-01-01", "2023-12-31", "80928.00", "LENS_HENIN", "ARTOIS"),
        lot("AMI2", "2023-07-01T00:00:00", "2023-09-15T23:59:59", "2023-11-01", "2024-10-31", "25493.66", "AUDOMAROIS", "BOULONNAIS", "MONTREUILLOIS")));
  }

  /** A single-lot call: "du 15/12/2022 au 03/02/2023 inclus", 42 000 € envelope. */
  static CallDefinition single(String reference, DecidingBody body) {
    return call(reference, body, List.of(
        lot("UNIQUE", "2022-12-15T00:00:00", "2023-02-03T23:59:59", "2023-01-01", "2023-12-31", "42000.00", "PAS_DE_CALAIS")));
  }

  static CallDefinition call(String reference, DecidingBody body, List<CallDefinition.Lot> lots) {
    return call(reference, body, lots, null, null);
  }

  /** As {@link #call(String, DecidingBody, List)} with its selection timeline and mode (null: the defaults). */
  static CallDefinition call(String reference, DecidingBody body, List<CallDefinition.Lot> lots,
      SelectionTimeline selection, SelectionMode selectionMode) {
    return new CallDefinition(reference, "Appel de test " + reference, "Axe 2", Funder.ofText("Département du Pas-de-Calais"), body,
        "Appel créé par un test.", List.of("Association agréée"), List.of("Agrément L.365-1 CCH"),
        List.of("PAS_DE_CALAIS"), true, lots,
        List.of(new CallDefinition.RequiredDocument("PROJET", "Présentation du projet", true)),
        List.of(new CallDefinition.Criterion("RESEAU", "Inscription dans le réseau", 40, 5),
            new CallDefinition.Criterion("EXPERIENCE", "Expérience", 60, 5)),
        List.of(new CallDefinition.Indicator("VEJ_REALISEES", "VEJ réalisées", "visites")),
        List.of(new CallDefinition.JuryMember("sophie.dubois", "Sophie Dubois", "Département du Pas-de-Calais"),
            new CallDefinition.JuryMember("thomas.leroy", "Thomas Leroy", "CALL")),
        List.of(new CallDefinition.ReportingMilestone("BILAN_FINAL", "Bilan final", CallDefinition.ReportKind.FINAL, 12)),
        new CallDefinition.Funding(FundingKind.UNIT_PRICES, null, null, null, null,
            List.of(new CallDefinition.UnitPrice("VEJ", "Visite explicative de jugement", new BigDecimal("162.38")))),
        new CallDefinition.Payment(60, BalanceTrigger.SERVICE_FAIT), selection, selectionMode);
  }
}
