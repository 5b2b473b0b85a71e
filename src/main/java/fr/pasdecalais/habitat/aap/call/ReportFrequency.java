package fr.pasdecalais.habitat.aap.call;

/**
 * How often a report of the call's schedule is due: once (at months after the start, at fixed dates,
 * or the final one), every month / quarter / year of the convention, or on demand ("pourra être
 * demandé à tout moment").
 */
public enum ReportFrequency {
  ONCE(0, "une fois"),
  MONTHLY(1, "chaque mois"),
  QUARTERLY(3, "chaque trimestre"),
  YEARLY(12, "chaque année"),
  ON_DEMAND(0, "à la demande du Département");

  private final int months;
  private final String label;

  ReportFrequency(int months, String label) {
    this.months = months;
    this.label = label;
  }

  /** The months between two occurrences of a recurring report (0 when not recurring). */
  public int months() {
    return months;
  }

  public String label() {
    return label;
  }

  public boolean recurring() {
    return months > 0;
  }
}
