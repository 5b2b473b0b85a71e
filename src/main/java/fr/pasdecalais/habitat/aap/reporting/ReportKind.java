package fr.pasdecalais.habitat.aap.reporting;

/** Bilan intermédiaire or bilan final. */
public enum ReportKind {
  INTERIM("Bilan intermédiaire"),
  FINAL("Bilan final");

  private final String label;

  ReportKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
