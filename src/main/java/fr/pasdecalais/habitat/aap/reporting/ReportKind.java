package fr.pasdecalais.habitat.aap.reporting;

/** Bilan intermédiaire (or reporting table), bilan final, or a follow-up committee. */
public enum ReportKind {
  INTERIM("Bilan intermédiaire"),
  FINAL("Bilan final"),
  COMMITTEE("Comité de suivi");

  private final String label;

  ReportKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
