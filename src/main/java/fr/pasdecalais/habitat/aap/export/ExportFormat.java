package fr.pasdecalais.habitat.aap.export;

import fr.pasdecalais.habitat.aap.shared.DomainException;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.http.MediaType;

/** The formats of the exports, chosen by {@code ?format=} or else by the {@code Accept} header (CSV by default). */
public enum ExportFormat {
  CSV("csv", new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)),
  XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

  private final String extension;
  private final MediaType mediaType;

  ExportFormat(String extension, MediaType mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  public String extension() {
    return extension;
  }

  public MediaType mediaType() {
    return mediaType;
  }

  public TableWriter writer(OutputStream out, String sheetName) throws IOException {
    return this == CSV ? new CsvTableWriter(out) : new XlsxTableWriter(out, sheetName);
  }

  /** {@code format} (csv, xlsx) wins; else the first of the {@code Accept} header's types we serve; else CSV. */
  public static ExportFormat of(String format, String accept) {
    if (format != null && !format.isBlank()) {
      for (ExportFormat f : values()) {
        if (f.extension.equalsIgnoreCase(format.trim())) {
          return f;
        }
      }
      throw DomainException.invalid("format", "Le format « " + format + " » n'est pas proposé ; formats possibles : csv, xlsx.");
    }
    if (accept != null && !accept.isBlank()) {
      for (MediaType type : MediaType.parseMediaTypes(accept)) {
        if (type.isWildcardType()) {
          continue;
        }
        for (ExportFormat f : values()) {
          if (type.isCompatibleWith(f.mediaType)) {
            return f;
          }
        }
      }
    }
    return CSV;
  }
}
