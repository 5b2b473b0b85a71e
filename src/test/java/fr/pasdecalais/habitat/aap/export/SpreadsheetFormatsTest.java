package fr.pasdecalais.habitat.aap.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.shared.DomainException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The two writers on their own: what a French spreadsheet reads in each cell, and which format a request gets. */
class SpreadsheetFormatsTest {

  private static final List<Column> COLUMNS = List.of(Column.text("Organisation"), Column.amount("Montant (€)"),
      Column.date("Signée le"), Column.dateTime("Reçu le"), Column.integer("Rang"), Column.decimal("Note"),
      Column.text("Remarque"));

  private static final List<Object> ROW = Arrays.asList("Association « Habitat ; Solidaire »",
      new BigDecimal("1234.5"), LocalDate.of(2023, 10, 24), Instant.parse("2023-04-10T08:00:00Z"), 3,
      new BigDecimal("76"), "=HYPERLINK(\"http://exemple.fr\")");

  @Test
  void csvIsUtf8WithABomSemicolonsDecimalCommasFrenchDatesAndNoFormula() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TableWriter writer = ExportFormat.CSV.writer(out, "Essai")) {
      writer.header(COLUMNS);
      writer.row(ROW);
      writer.row(Arrays.asList(null, null, null, null, null, null, null));
    }
    byte[] bytes = out.toByteArray();
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).contains("\r\n");
    List<CSVRecord> rows = ExportsScenarioTest.parse(bytes);
    assertThat(rows.get(0).toList()).containsExactly("Organisation", "Montant (€)", "Signée le", "Reçu le", "Rang",
        "Note", "Remarque");
    // Paris summer time: 08:00 UTC is 10:00
    assertThat(rows.get(1).toList()).containsExactly("Association « Habitat ; Solidaire »", "1234,50", "24/10/2023",
        "10/04/2023 10:00", "3", "76,00", "'=HYPERLINK(\"http://exemple.fr\")");
    assertThat(rows.get(2).toList()).containsOnly("");
  }

  @Test
  void xlsxCellsAreTypedUnderABoldFrozenFilteredHeader() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TableWriter writer = ExportFormat.XLSX.writer(out, "Essai")) {
      writer.header(COLUMNS);
      for (int i = 0; i < 250; i++) {
        writer.row(ROW);
      }
    }
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      Sheet sheet = book.getSheet("Essai");
      assertThat(sheet.getLastRowNum()).isEqualTo(250);
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(book.getSheet("Essai").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:G1");
      assertThat(book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
      Row row = sheet.getRow(250);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Association « Habitat ; Solidaire »");
      assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(1234.5);
      assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
      assertThat(DateUtil.isCellDateFormatted(row.getCell(2))).isTrue();
      assertThat(row.getCell(2).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2023, 10, 24, 0, 0));
      assertThat(row.getCell(3).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2023, 4, 10, 10, 0));
      assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(3.0);
      assertThat(row.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.00");
      // a cell is never a formula
      assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.STRING);
    }
  }

  @Test
  void theFormatParameterWinsThenTheAcceptHeaderThenCsv() {
    String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    assertThat(ExportFormat.of("xlsx", "text/csv")).isEqualTo(ExportFormat.XLSX);
    assertThat(ExportFormat.of("CSV", xlsx)).isEqualTo(ExportFormat.CSV);
    assertThat(ExportFormat.of(null, xlsx)).isEqualTo(ExportFormat.XLSX);
    assertThat(ExportFormat.of(null, "text/html, " + xlsx + ";q=0.9")).isEqualTo(ExportFormat.XLSX);
    assertThat(ExportFormat.of(null, "text/csv")).isEqualTo(ExportFormat.CSV);
    assertThat(ExportFormat.of(null, "*/*")).isEqualTo(ExportFormat.CSV);
    assertThat(ExportFormat.of("", null)).isEqualTo(ExportFormat.CSV);
    assertThatThrownBy(() -> ExportFormat.of("ods", null)).isInstanceOfSatisfying(DomainException.class,
        e -> assertThat(e.getFieldProblems()).extracting(DomainException.FieldProblem::message)
            .containsExactly("Le format « ods » n'est pas proposé ; formats possibles : csv, xlsx."));
  }
}
