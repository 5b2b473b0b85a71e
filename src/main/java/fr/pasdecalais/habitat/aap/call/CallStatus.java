package fr.pasdecalais.habitat.aap.call;

/** Where a call stands in its lifecycle; kept in step with its {@code call-for-projects} process. */
public enum CallStatus {
  /** Created, not yet published. */
  DRAFT("Brouillon"),
  /** Published: its process waits for the first lot to open. */
  PUBLISHED("Publié"),
  /** At least one lot is open for applications. */
  OPEN("Ouvert"),
  /** Every lot is closed; the jury session is to be organised. */
  CLOSED("Clos"),
  /** Jury session organised: opinions, synthesis, report to the deciding body. */
  IN_SELECTION("En sélection"),
  /** The deliberation (or the Préfet's decision) is adopted. */
  DECIDED("Décidé"),
  /** Decisions sent; agreements running until every dossier ends. */
  IN_EXECUTION("En exécution"),
  /** Final review of the call done. */
  CLOSED_OUT("Soldé");

  private final String label;

  CallStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * Whether people outside the service (partner accounts, jury members) may see the call: every
   * status from the publication on. A draft is the service's work in progress.
   */
  public boolean isPublic() {
    return this != DRAFT;
  }
}
