package fr.pasdecalais.habitat.aap.export;

import java.io.IOException;
import java.util.List;

/**
 * Writes a table row by row to the response as it goes (nothing but the current row, and for XLSX
 * a window of rows, is held in memory). Values: {@code String}, {@code BigDecimal} or any
 * {@code Number}, {@code LocalDate}, {@code Instant}, {@code Boolean} (written "oui"/"non"), or null (empty cell).
 */
public interface TableWriter extends AutoCloseable {

  void header(List<Column> columns) throws IOException;

  void row(List<?> values) throws IOException;

  /** Ends the file (XLSX: writes the workbook); the output stream stays open. */
  @Override
  void close() throws IOException;
}
