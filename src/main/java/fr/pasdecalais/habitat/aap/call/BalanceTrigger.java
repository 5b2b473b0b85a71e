package fr.pasdecalais.habitat.aap.call;

/** What triggers the payment of what is not paid at signature. */
public enum BalanceTrigger {
  /** Balance paid on service fait (certified after the final report). */
  SERVICE_FAIT("au service fait"),
  /** Paid on the final report presented in year n+1 (e.g. FSL). */
  FINAL_REPORT_N_PLUS_1("sur présentation du bilan en n+1"),
  /** Nothing left to pay after signature (100 % at signature). */
  NONE("aucun solde");

  private final String label;

  BalanceTrigger(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
