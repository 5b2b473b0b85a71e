package fr.pasdecalais.habitat.aap.call;

/** Who decides the awards of a call. */
public enum DecidingBody {
  /** The Commission Permanente of the Conseil départemental: a numbered deliberation with votes. */
  COMMISSION_PERMANENTE("Commission Permanente"),
  /** The Préfet (State-run AMI): a dated, referenced decision. */
  PREFET("Préfet");

  private final String label;

  DecidingBody(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
