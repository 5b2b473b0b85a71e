package fr.pasdecalais.habitat.aap.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.call.FunderKind;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Les données essentielles des conventions de subvention (décret n° 2017-779), publiques, sans
 * authentification, au format SCDL « subventions » (schéma : {@code /open-data/subventions.schema.json}).
 * Une ligne par convention signée ; le Département et l'État séparément, chacun avec son SIRET.
 */
@RestController
@RequestMapping("/open-data")
public class OpenDataController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenData openData;

  public OpenDataController(OpenData openData) {
    this.openData = openData;
  }

  /**
   * Les conventions signées du financeur, en CSV (UTF-8, séparateur virgule, point décimal, en-tête
   * dans l'ordre du schéma SCDL).
   *
   * @param funder {@code departement} ou {@code etat}
   */
  @GetMapping(value = "/{funder}/subventions.csv")
  public ResponseEntity<StreamingResponseBody> csvOf(@PathVariable String funder) {
    return csv(funders(funder));
  }

  /**
   * Les conventions signées du financeur, en JSON : un tableau d'objets aux champs du schéma SCDL
   * ({@code montant} et {@code pourcentageSubvention} en nombres).
   *
   * @param funder {@code departement} ou {@code etat}
   */
  @GetMapping(value = "/{funder}/subventions.json")
  public ResponseEntity<StreamingResponseBody> jsonOf(@PathVariable String funder) {
    return json(funders(funder));
  }

  /**
   * Les conventions signées de tous les financeurs (chaque ligne porte son attribuant), en CSV.
   *
   * @param attribuant {@code departement} ou {@code etat} (absent : les deux)
   */
  @GetMapping(value = "/subventions.csv")
  public ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) String attribuant) {
    return csv(attribuant == null ? EnumSet.allOf(FunderKind.class) : funders(attribuant));
  }

  /**
   * Les conventions signées de tous les financeurs, en JSON.
   *
   * @param attribuant {@code departement} ou {@code etat} (absent : les deux)
   */
  @GetMapping(value = "/subventions.json")
  public ResponseEntity<StreamingResponseBody> json(@RequestParam(required = false) String attribuant) {
    return json(attribuant == null ? EnumSet.allOf(FunderKind.class) : funders(attribuant));
  }

  /** Le schéma des fichiers (Frictionless Table Schema), pour les valider. */
  @GetMapping(value = "/subventions.schema.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<org.springframework.core.io.Resource> schema() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(new org.springframework.core.io.ClassPathResource("open-data/subventions.schema.json"));
  }

  private ResponseEntity<StreamingResponseBody> csv(Set<FunderKind> funders) {
    checkConfigured(funders);
    return ResponseEntity.ok().contentType(CSV).cacheControl(CacheControl.noCache()).body(out -> {
      OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(
          OpenData.FIELDS.toArray(String[]::new)).get());
      openData.rows(funders, row -> {
        try {
          printer.printRecord(OpenData.values(row));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      printer.flush();
      writer.flush();
    });
  }

  private ResponseEntity<StreamingResponseBody> json(Set<FunderKind> funders) {
    checkConfigured(funders);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache()).body(out -> {
      JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8);
      g.writeStartArray();
      openData.rows(funders, row -> {
        try {
          g.writeStartObject();
          for (String field : OpenData.FIELDS) {
            Object v = row.get(field);
            if (v instanceof BigDecimal d) {
              g.writeNumberField(field, d);
            } else {
              g.writeStringField(field, v == null ? "" : v.toString());
            }
          }
          g.writeEndObject();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      g.writeEndArray();
      g.flush();
    });
  }

  private void checkConfigured(Set<FunderKind> funders) {
    for (FunderKind kind : funders) {
      if (!openData.attribuant(kind).configured()) {
        throw new DomainException(DomainException.Kind.CONFLICT, "Données non publiées",
            "Le SIRET de l'attribuant " + (kind == FunderKind.ETAT ? "« État »" : "« Département »")
                + " n'est pas configuré (aap.open-data." + kind.name().toLowerCase() + ".siret) : ses conventions ne"
                + " peuvent pas être publiées.");
      }
    }
  }

  private static Set<FunderKind> funders(String funder) {
    return switch (funder.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "departement" -> EnumSet.of(FunderKind.DEPARTEMENT);
      case "etat" -> EnumSet.of(FunderKind.ETAT);
      default -> throw DomainException.notFound("Financeur inconnu « " + funder + " » : departement ou etat.");
    };
  }
}
