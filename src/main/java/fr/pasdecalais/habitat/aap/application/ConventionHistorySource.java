package fr.pasdecalais.habitat.aap.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What happened to a dossier after its decision, on the convention's side (signature, payments,
 * reports, service fait, recovery, closure), for the dossier's timeline; implemented by the
 * agreement capability through the public contracts of agreement, payment and reporting, which
 * depend on application and not the other way round (as {@link JuryOpinionSource}).
 */
public interface ConventionHistorySource {

  /** The entries of the dossier's convention, in the order they happened; empty without a convention. */
  List<Entry> history(String applicationReference);

  /**
   * One fact: its day ({@code on}, a date typed by an agent or the day of a step), the instant the
   * engine recorded it when there is one ({@code at}, else null), who, a type and a French sentence.
   */
  record Entry(LocalDate on, Instant at, String actor, String type, String description) {}
}
