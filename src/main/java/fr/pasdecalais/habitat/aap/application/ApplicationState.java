package fr.pasdecalais.habitat.aap.application;

import java.util.EnumSet;
import java.util.Set;

/** Where a dossier stands, with its French label. */
public enum ApplicationState {
  RECEIVED("Reçu, en attente de la vérification de complétude"),
  LATE("Irrecevable (hors délai)"),
  REGULARIZATION("En attente de pièces (régularisation)"),
  COMPLETE("Complet, en attente de la vérification d'éligibilité"),
  REJECTED_INCOMPLETE("Rejeté : dossier incomplet"),
  INELIGIBLE("Rejeté : inéligible"),
  ELIGIBLE("Éligible, en attente du jury"),
  UNDER_JURY_REVIEW("En cours d'examen par le jury"),
  OPINIONS_IN("Avis du jury rendus, en attente de la décision"),
  GRANTED("Subvention accordée"),
  REFUSED("Subvention refusée"),
  WITHDRAWN("Désistement");

  /** States after which nothing happens to the dossier any more in this process. */
  public static final Set<ApplicationState> FINAL = EnumSet.of(LATE, REJECTED_INCOMPLETE, INELIGIBLE, REFUSED, WITHDRAWN);
  /** States in which a decision has been taken: a withdrawal is no longer possible here. */
  public static final Set<ApplicationState> DECIDED = EnumSet.of(GRANTED, REFUSED);

  private final String label;

  ApplicationState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A dossier that counts for the "one dossier per SIRET and lot" rule. */
  public boolean isActive() {
    return !FINAL.contains(this);
  }
}
