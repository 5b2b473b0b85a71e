package fr.pasdecalais.habitat.aap.call;

/** Kinds of territories named by the calls. */
public enum TerritoryKind {
  DEPARTEMENT,
  /** A territory of the Département's action (Artois, Lens-Hénin, Audomarois…). */
  TERRITOIRE,
  /** Établissement public de coopération intercommunale (CALL, CAHC, CABBALR…). */
  EPCI,
  /** Maison du Département Solidarité. */
  MDS
}
