package fr.pasdecalais.habitat.aap.export;

/** A column of an export: its French header and the type its cells are written as. */
public record Column(String header, Type type) {

  /** How a cell is written: CSV as French spreadsheets read it, XLSX as a typed cell. */
  public enum Type {
    /** Text as is. */
    TEXT,
    /** Euros, two decimals: CSV "1234,56" (decimal comma, no thousands separator); XLSX a number shown "# ##0,00". */
    AMOUNT,
    /** A decimal number (a score): CSV with a decimal comma; XLSX a number shown with two decimals. */
    DECIMAL,
    /** A whole number. */
    INTEGER,
    /** A day: CSV dd/MM/yyyy; XLSX a date cell shown dd/mm/yyyy. */
    DATE,
    /** An instant, shown in Paris time: CSV dd/MM/yyyy HH:mm; XLSX a date-time cell. */
    DATE_TIME
  }

  public static Column text(String header) {
    return new Column(header, Type.TEXT);
  }

  public static Column amount(String header) {
    return new Column(header, Type.AMOUNT);
  }

  public static Column decimal(String header) {
    return new Column(header, Type.DECIMAL);
  }

  public static Column integer(String header) {
    return new Column(header, Type.INTEGER);
  }

  public static Column date(String header) {
    return new Column(header, Type.DATE);
  }

  public static Column dateTime(String header) {
    return new Column(header, Type.DATE_TIME);
  }
}
