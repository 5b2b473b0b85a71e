package fr.pasdecalais.habitat.aap.call;

/** Kinds of territories named by the calls, with their French label. */
public enum TerritoryKind {
  DEPARTEMENT("Département"),
  /** A territory of the Département's action (Artois, Lens-Hénin, Audomarois…). */
  TERRITOIRE("Territoire"),
  /** Établissement public de coopération intercommunale (CALL, CAHC, CABBALR…): its SIREN as official code. */
  EPCI("Intercommunalité (EPCI)"),
  /** A commune: its INSEE code as official code (Fleurbaix 62338…). */
  COMMUNE("Commune"),
  /** Maison du Département Solidarité. */
  MDS("Maison du Département Solidarité");

  private final String label;

  TerritoryKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
