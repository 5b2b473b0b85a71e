package fr.pasdecalais.habitat.aap.export;

import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX written with Apache POI's streaming workbook: only the last {@value #WINDOW} rows are in
 * memory, the others are flushed to a temporary file until the workbook is written out. Typed
 * cells: amounts and scores are numbers shown with two decimals, days and instants (Paris time) are
 * date cells, whole numbers are numbers; the header row is bold, frozen, and carries the filters.
 */
public class XlsxTableWriter implements TableWriter {

  static final int WINDOW = 100;

  private final OutputStream out;
  private final SXSSFWorkbook workbook;
  private final SXSSFSheet sheet;
  private final Map<Column.Type, CellStyle> styles = new EnumMap<>(Column.Type.class);
  private List<Column> columns = List.of();
  private int next;

  public XlsxTableWriter(OutputStream out, String sheetName) {
    this.out = out;
    this.workbook = new SXSSFWorkbook(WINDOW);
    workbook.setCompressTempFiles(true);
    this.sheet = workbook.createSheet(sheetName);
    var format = workbook.createDataFormat();
    for (Column.Type type : Column.Type.values()) {
      CellStyle style = workbook.createCellStyle();
      switch (type) {
        case AMOUNT -> style.setDataFormat(format.getFormat("#,##0.00"));
        case DECIMAL -> style.setDataFormat(format.getFormat("0.00"));
        case INTEGER -> style.setDataFormat(format.getFormat("0"));
        case DATE -> style.setDataFormat(format.getFormat("dd/mm/yyyy"));
        case DATE_TIME -> style.setDataFormat(format.getFormat("dd/mm/yyyy hh:mm"));
        case TEXT -> style.setDataFormat(format.getFormat("@"));
      }
      styles.put(type, style);
    }
  }

  @Override
  public void header(List<Column> columns) {
    this.columns = List.copyOf(columns);
    CellStyle bold = workbook.createCellStyle();
    Font font = workbook.createFont();
    font.setBold(true);
    bold.setFont(font);
    Row row = sheet.createRow(next++);
    for (int i = 0; i < columns.size(); i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(columns.get(i).header());
      cell.setCellStyle(bold);
      int width = switch (columns.get(i).type()) {
        case DATE, AMOUNT, DECIMAL, INTEGER -> 14;
        case DATE_TIME -> 18;
        case TEXT -> 24;
      };
      sheet.setColumnWidth(i, Math.max(width, Math.min(60, columns.get(i).header().length() + 2)) * 256);
    }
    sheet.createFreezePane(0, 1);
    if (!columns.isEmpty()) {
      sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
    }
  }

  @Override
  public void row(List<?> values) {
    Row row = sheet.createRow(next++);
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value == null) {
        continue;
      }
      Column.Type type = i < columns.size() ? columns.get(i).type() : Column.Type.TEXT;
      Cell cell = row.createCell(i);
      if (value instanceof BigDecimal d) {
        cell.setCellValue(d.setScale(2, RoundingMode.HALF_UP).doubleValue());
      } else if (value instanceof Number n) {
        cell.setCellValue(n.doubleValue());
      } else if (value instanceof LocalDate d) {
        cell.setCellValue(d);
      } else if (value instanceof Instant t) {
        cell.setCellValue(t.atZone(ParisDateTime.PARIS).toLocalDateTime());
      } else if (value instanceof Boolean b) {
        cell.setCellValue(b ? "oui" : "non");
      } else {
        cell.setCellValue(value.toString());
      }
      cell.setCellStyle(styles.get(value instanceof Boolean || value instanceof String ? Column.Type.TEXT : type));
    }
  }

  @Override
  public void close() throws IOException {
    try {
      workbook.write(out);
      out.flush();
    } finally {
      workbook.dispose();
      workbook.close();
    }
  }
}
