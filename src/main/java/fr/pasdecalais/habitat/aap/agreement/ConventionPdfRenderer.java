package fr.pasdecalais.habitat.aap.agreement;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import fr.pasdecalais.habitat.aap.call.FunderKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders the convention PDF (OpenPDF) from the French template of the call's funder
 * ({@code templates/convention.txt} for the Département, {@code templates/convention-etat.txt} for
 * the State: parties, articles, ordonnateur and signatures follow the funder):
 * {@code {{key}}} placeholders are replaced by the values, a line starting with {@code # } is the
 * title, {@code ## } an article heading, any other line a paragraph. A placeholder without value is
 * an error: a convention never goes out with a hole in it.
 */
@Component
public class ConventionPdfRenderer {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
  private static final String TEMPLATE = "templates/convention.txt";
  private static final String STATE_TEMPLATE = "templates/convention-etat.txt";

  /** The template of a funder kind. */
  static String template(FunderKind funder) {
    return funder == FunderKind.ETAT ? STATE_TEMPLATE : TEMPLATE;
  }

  public String fill(FunderKind funder, Map<String, String> values) {
    String name = template(funder);
    String template;
    try (InputStream in = new ClassPathResource(name).getInputStream()) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Modèle de convention introuvable : " + name, e);
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("Le modèle de convention attend la valeur « " + m.group(1) + " ».");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The PDF of the convention; {@code author} is the funder's name (the document's metadata). */
  public byte[] render(FunderKind funder, String author, Map<String, String> values) {
    String text = fill(funder, values);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 56, 56, 56, 56);
    try {
      PdfWriter.getInstance(document, bytes);
      document.addTitle("Convention " + values.getOrDefault("numero", ""));
      document.addAuthor(author);
      document.open();
      Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15);
      Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
      Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
      for (String line : text.split("\n")) {
        if (line.startsWith("# ")) {
          Paragraph p = new Paragraph(line.substring(2), title);
          p.setAlignment(Element.ALIGN_CENTER);
          p.setSpacingAfter(10);
          document.add(p);
        } else if (line.startsWith("## ")) {
          Paragraph p = new Paragraph(line.substring(3), heading);
          p.setSpacingBefore(10);
          p.setSpacingAfter(4);
          document.add(p);
        } else if (!line.isBlank()) {
          Paragraph p = new Paragraph(line, body);
          p.setAlignment(Element.ALIGN_JUSTIFIED);
          p.setSpacingAfter(4);
          document.add(p);
        }
      }
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("La convention n'a pas pu être générée : " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }
}
