package fr.pasdecalais.habitat.aap.call;

/** How the amount granted to a dossier is computed (see {@link FundingCalculator}). */
public enum FundingKind {
  /** A fixed amount per dossier (e.g. 100 000 € for the year). */
  FIXED,
  /** At most {@code amount} per unit (e.g. ≤ 55 000 € per ETP): the request, capped. */
  CAP_PER_UNIT,
  /** Sum of quantities × unit prices (VEJ 162,38 €, porte close 39,12 €, 175 € per measure-month…). */
  UNIT_PRICES,
  /** {@code amount} for {@code baseMonths} and {@code baseQuantity} situations, prorated by the smaller ratio. */
  PRORATED
}
