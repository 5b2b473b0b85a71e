package fr.pasdecalais.habitat.aap.reporting;

/** EXPECTED → RECEIVED (interim) or APPROVED / REJECTED (final, after review). */
public enum ReportStatus {
  EXPECTED,
  RECEIVED,
  APPROVED,
  REJECTED,
  /** Not due any more: an amendment ended the convention before it. */
  CANCELLED
}
