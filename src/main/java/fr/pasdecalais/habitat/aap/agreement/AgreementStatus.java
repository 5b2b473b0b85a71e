package fr.pasdecalais.habitat.aap.agreement;

/** DRAFT (prepared) → SIGNED (in force) → CLOSED (settled) or TERMINATED (résiliée). */
public enum AgreementStatus {
  DRAFT,
  SIGNED,
  CLOSED,
  TERMINATED
}
