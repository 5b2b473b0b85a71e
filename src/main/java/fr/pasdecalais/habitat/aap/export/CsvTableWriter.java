package fr.pasdecalais.habitat.aap.export;

import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV as French spreadsheets (Excel, LibreOffice) open it with a double click, without an import
 * wizard: UTF-8 with a byte-order mark, {@code ;} between fields, CRLF line ends, amounts with a
 * decimal comma and no thousands separator ("1234,56"), days dd/MM/yyyy, instants dd/MM/yyyy HH:mm
 * in Paris time, booleans "oui"/"non". A text that a spreadsheet would take for a formula
 * ({@code = + - @}, tab, carriage return at its start) is prefixed with an apostrophe (CSV injection).
 */
public class CsvTableWriter implements TableWriter {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final Writer writer;
  private final CSVPrinter printer;
  private List<Column> columns = List.of();

  public CsvTableWriter(OutputStream out) throws IOException {
    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.printer = new CSVPrinter(writer, CSVFormat.Builder.create().setDelimiter(';').setQuote('"')
        .setRecordSeparator("\r\n").setQuoteMode(QuoteMode.MINIMAL).get());
  }

  @Override
  public void header(List<Column> columns) throws IOException {
    this.columns = List.copyOf(columns);
    printer.printRecord(columns.stream().map(Column::header).toList());
  }

  @Override
  public void row(List<?> values) throws IOException {
    List<String> cells = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      cells.add(cell(i < columns.size() ? columns.get(i).type() : Column.Type.TEXT, values.get(i)));
    }
    printer.printRecord(cells);
  }

  static String cell(Column.Type type, Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal d) {
      return (type == Column.Type.INTEGER ? d.setScale(0, RoundingMode.HALF_UP) : d.setScale(2, RoundingMode.HALF_UP))
          .toPlainString().replace('.', ',');
    }
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    if (value instanceof LocalDate d) {
      return d.format(DAY);
    }
    if (value instanceof Instant t) {
      return t.atZone(ParisDateTime.PARIS).format(MINUTE);
    }
    if (value instanceof Boolean b) {
      return b ? "oui" : "non";
    }
    return safeText(value.toString());
  }

  /** A text starting like a formula is kept as text by a leading apostrophe. */
  static String safeText(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  @Override
  public void close() throws IOException {
    printer.flush();
    writer.flush();
  }
}
