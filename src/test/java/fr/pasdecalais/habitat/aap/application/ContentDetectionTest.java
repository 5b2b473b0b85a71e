package fr.pasdecalais.habitat.aap.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Content types come from the bytes; the name only refines what the bytes already say. */
class ContentDetectionTest {

  @Test
  void officeDocumentsAreRecognisedFromTheirContainer() throws IOException {
    byte[] docx = zip("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        "word/document.xml", "<w:document/>");
    assertThat(DocumentService.detect(docx, "projet.docx"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    byte[] xlsx = zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>");
    assertThat(DocumentService.detect(xlsx, "budget.xlsx"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    byte[] odt = zipStored("mimetype", "application/vnd.oasis.opendocument.text");
    assertThat(DocumentService.detect(odt, "projet.bin")).isEqualTo("application/vnd.oasis.opendocument.text");
    assertThat(DocumentService.ACCEPTED).contains(DocumentService.detect(docx, "projet.docx"),
        DocumentService.detect(xlsx, "budget.xlsx"), DocumentService.detect(odt, "projet.bin"));
  }

  @Test
  void aNameDoesNotTurnOtherBytesIntoAnAcceptedType() throws IOException {
    assertThat(DocumentService.detect("MZ\u0090\u0000binaire".getBytes(StandardCharsets.ISO_8859_1), "budget.pdf"))
        .isNotIn(DocumentService.ACCEPTED);
    assertThat(DocumentService.detect(zip("notes.txt", "texte"), "budget.docx")).isEqualTo("application/zip");
    assertThat(DocumentService.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "scan.jpg")).isEqualTo("application/pdf");
  }

  private static byte[] zip(String... namesAndContents) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        zip.putNextEntry(new ZipEntry(namesAndContents[i]));
        zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** ODF puts an uncompressed "mimetype" entry first, which is what its magic number is. */
  private static byte[] zipStored(String name, String content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry entry = new ZipEntry(name);
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(bytes.length);
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(bytes);
      entry.setCrc(crc.getValue());
      zip.putNextEntry(entry);
      zip.write(bytes);
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
