package fr.pasdecalais.habitat.aap.call;

import java.util.Arrays;
import java.util.Optional;

/**
 * The type of a holder (porteur, opérateur) as far as the pieces of a call depend on it: an
 * association's Cerfa, an approved body's agrément. One per organisation, declared with its dossier
 * ({@code organization.holderTypeCode}); a call's piece may apply to some types only
 * ({@code requiredDocuments[].holderTypes}). An organisation holding an agrément of the State for the
 * call's action (L.365-1, L.366-1 CCH, microcrédit…) declares {@link #ORGANISME_AGREE}, whatever its
 * legal form; an association without one {@link #ASSOCIATION}.
 */
public enum HolderType {
  ASSOCIATION("Association"),
  ORGANISME_AGREE("Organisme agréé"),
  BAILLEUR_SOCIAL("Bailleur social"),
  COLLECTIVITE("Collectivité territoriale ou groupement (EPCI)"),
  ETABLISSEMENT_PUBLIC("Établissement public (CCAS, GIP…)");

  /** The codes, for validation patterns and messages. */
  public static final String CODES = "ASSOCIATION|ORGANISME_AGREE|BAILLEUR_SOCIAL|COLLECTIVITE|ETABLISSEMENT_PUBLIC";

  private final String label;

  HolderType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The type of a code, if it is one. */
  public static Optional<HolderType> of(String code) {
    return code == null ? Optional.empty()
        : Arrays.stream(values()).filter(t -> t.name().equals(code.trim())).findFirst();
  }
}
