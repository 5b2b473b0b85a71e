package fr.pasdecalais.habitat.aap.agreement;

/** REQUESTED → APPROVED or REFUSED. */
public enum AmendmentStatus {
  REQUESTED,
  APPROVED,
  REFUSED
}
