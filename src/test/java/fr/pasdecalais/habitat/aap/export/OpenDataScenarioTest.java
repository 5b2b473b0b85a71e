package fr.pasdecalais.habitat.aap.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.pasdecalais.habitat.aap.agreement.AgreementScenarios;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationRequest;
import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.application.Dossiers;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The open data of conventions (décret 2017-779, SCDL subventions): signed conventions of the
 * Département and of the State, each in its funder's file with its SIRET, read anonymously; every
 * row of the CSV and of the JSON validated against the JSON Schema derived from the repository's
 * table schema ({@code open-data/subventions.schema.json}) by a real validator (networknt); a
 * convention not yet signed and a natural person never published.
 */
@SpringScenarioTest
class OpenDataScenarioTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired AgreementScenarios scenario;
  @Autowired ApplicationService applications;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void init() {
    ProcessTestSupport.init(engine);
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @Test
  void signedConventionsArePublishedPerFunderWithItsSiretAndEveryRowMatchesTheTableSchema() throws Exception {
    ProcessTestSupport.clock("2023-05-10T10:00:00");
    String departementCall = scenario.call("astre");
    String stateCall = scenario.call("astre-etat");
    Application departement = scenario.application(departementCall, "UNIQUE", "PAS_DE_CALAIS",
        new BigDecimal("12600.00"), Instant.parse("2023-05-10T08:00:00Z"));
    Application state = scenario.application(stateCall, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("8750.50"),
        Instant.parse("2023-05-10T08:00:00Z"));
    Application unsigned = scenario.application(departementCall, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("7000.00"),
        Instant.parse("2023-05-10T08:00:00Z"));
    Application person = naturalPerson(departementCall);

    ProcessTestSupport.clock("2023-10-25T10:00:00");
    signed(departement, "12600", "2023-10-20", "2023-10-24");
    signed(state, "8750.50", "2023-10-21", "2023-10-23");
    signed(person, "5250", "2023-10-20", "2023-10-24");
    ProcessInstance draft = scenario.start(unsigned);
    scenario.prepare(draft, "7000", "40 mois de mesure d'accompagnement à 175,00 €", "2023-10-02");

    // the Département's file, anonymously: CSV, the schema's header order, every row valid
    ResponseEntity<String> csv = rest.getForEntity("/open-data/departement/subventions.csv", String.class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
    List<CSVRecord> rows = parse(csv.getBody());
    assertThat(rows.get(0).toList()).containsExactlyElementsOf(schemaFieldNames());
    List<ObjectNode> departementRows = asObjects(rows);
    departementRows.forEach(OpenDataScenarioTest::valid);
    ObjectNode mine = only(departementRows, departement);
    assertThat(mine.get("nomAttribuant").asText()).isEqualTo("Département du Pas-de-Calais");
    assertThat(mine.get("idAttribuant").asText()).isEqualTo("22620001200012");
    assertThat(mine.get("dateConvention").asText()).isEqualTo("2023-10-24");
    assertThat(mine.get("nomBeneficiaire").asText()).isEqualTo(departement.getOrganization().getName());
    assertThat(mine.get("idBeneficiaire").asText()).isEqualTo(departement.getOrganization().getSiret());
    assertThat(mine.get("montant").decimalValue()).isEqualByComparingTo("12600.00");
    assertThat(rows.stream().filter(r -> r.get(5).equals(departement.getOrganization().getSiret())).findFirst()
        .orElseThrow().get(7)).isEqualTo("12600.00");
    assertThat(mine.get("nature").asText()).isEqualTo("aide en numéraire");
    assertThat(mine.get("conditionsVersement").asText()).isEqualTo("échelonné");
    assertThat(mine.get("datesPeriodeVersement").asText()).matches("\\d{4}-\\d{2}-\\d{2}/\\d{4}-\\d{2}-\\d{2}");
    assertThat(mine.get("notificationUE").asText()).isEqualTo("non");
    assertThat(mine.get("pourcentageSubvention").decimalValue()).isEqualByComparingTo("1.00");
    assertThat(mine.get("referenceDecision").asText()).isNotBlank();
    assertThat(mine.has("idRAE")).isFalse();
    assertThat(mine.get("objet").asText()).contains("Accompagnement Social aux Travaux de Rénovation Énergétique");
    // not the State's, not a draft, never a natural person
    assertThat(siretsOf(departementRows)).doesNotContain(state.getOrganization().getSiret(),
        unsigned.getOrganization().getSiret(), person.getOrganization().getSiret());

    // the State's file: its own SIRET as configured
    List<ObjectNode> stateRows = asObjects(parse(rest.getForObject("/open-data/etat/subventions.csv", String.class)));
    stateRows.forEach(OpenDataScenarioTest::valid);
    ObjectNode theirs = only(stateRows, state);
    assertThat(theirs.get("idAttribuant").asText()).isEqualTo("00000000000000");
    assertThat(theirs.get("montant").decimalValue()).isEqualByComparingTo("8750.50");
    assertThat(theirs.get("dateConvention").asText()).isEqualTo("2023-10-23");
    assertThat(siretsOf(stateRows)).doesNotContain(departement.getOrganization().getSiret());

    // the JSON files: the same rows, numbers as numbers, each valid
    ResponseEntity<String> json = rest.getForEntity("/open-data/departement/subventions.json", String.class);
    assertThat(json.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    ArrayNode array = (ArrayNode) JSON.readTree(json.getBody());
    assertThat(array).hasSize(departementRows.size());
    List<ObjectNode> jsonRows = new ArrayList<>();
    for (JsonNode row : array) {
      ObjectNode object = (ObjectNode) row;
      // the empty idRAE is a missing value, as in the CSV
      if (object.path("idRAE").asText().isEmpty()) {
        object.remove("idRAE");
      }
      valid(object);
      jsonRows.add(object);
    }
    assertThat(only(jsonRows, departement).get("montant").isNumber()).isTrue();
    assertThat(only(jsonRows, departement).get("montant").decimalValue()).isEqualByComparingTo("12600.00");
    // both funders in one file, each row with its own attribuant
    List<ObjectNode> all = asObjects(parse(rest.getForObject("/open-data/subventions.csv", String.class)));
    assertThat(siretsOf(all)).contains(departement.getOrganization().getSiret(), state.getOrganization().getSiret());
    assertThat(rest.getForObject("/open-data/subventions.schema.json", String.class)).contains("\"idAttribuant\"");

    // read-only and named funders only
    assertThat(rest.postForEntity("/open-data/departement/subventions.csv", "", String.class).getStatusCode().value())
        .isIn(401, 403, 405);
    assertThat(rest.getForEntity("/open-data/region/subventions.csv", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theSchemaValidatorRefusesARowThatBreaksTheTableSchema() throws Exception {
    ObjectNode row = JSON.createObjectNode();
    row.put("nomAttribuant", "Département du Pas-de-Calais").put("idAttribuant", "2262000120001")
        .put("dateConvention", "24/10/2023").put("nomBeneficiaire", "Association").put("idBeneficiaire", "40000044057935")
        .put("objet", "x".repeat(257)).put("montant", "12600,00").put("nature", "aide").put("conditionsVersement", "mensuel")
        .put("datesPeriodeVersement", "2023").put("notificationUE", "peut-être").put("pourcentageSubvention", 1.5);
    List<Error> errors = schema().validate(row);
    assertThat(errors).extracting(e -> e.getInstanceLocation().toString()).contains("/idAttribuant",
        "/dateConvention", "/objet", "/montant", "/nature", "/conditionsVersement", "/datesPeriodeVersement",
        "/notificationUE", "/pourcentageSubvention");
  }

  // ---------------------------------------------------------------- conventions

  private void signed(Application a, String amount, String operatorOn, String presidentOn) {
    ProcessInstance pi = scenario.start(a);
    scenario.prepare(pi, amount, (String) engine.getRuntimeService().getVariable(pi.getId(), "agreementUnits"),
        "2023-10-02");
    scenario.sign(pi, operatorOn, presidentOn);
  }

  /** A dossier of an "entrepreneur individuel": a natural person, never published. */
  private Application naturalPerson(String call) {
    String siret = Dossiers.siret();
    var org = new ApplicationRequest.OrganizationData(siret, "Jean Dupont", "Entrepreneur individuel",
        "Association agréée", List.of("Agrément L.365-1"), "1 rue de l'Essai", "62000", "Arras",
        "jean.dupont." + siret + "@exemple.fr", "Jean Dupont");
    var request = new ApplicationRequest(org, "UNIQUE", List.of("PAS_DE_CALAIS"), new BigDecimal("5250.00"), null,
        "Projet d'un particulier");
    return applications.record(call, request, Application.Channel.POSTAL, Instant.parse("2023-05-10T08:00:00Z"),
        new Caller("camille.martin", Set.of(Groups.INSTRUCTEURS))).application();
  }

  // ---------------------------------------------------------------- the table schema as a JSON Schema

  private static Schema schema;

  /**
   * The JSON Schema of a row, derived from the table schema: each field a property (string: maxLength,
   * pattern, enum; date: an ISO day; number: minimum, maximum), required fields required, no other
   * field. A CSV row is cast first as a table-schema validator does: "" is a missing value, numbers
   * are read with the point.
   */
  static synchronized Schema schema() throws Exception {
    if (schema != null) {
      return schema;
    }
    JsonNode table;
    try (InputStream in = new ClassPathResource("open-data/subventions.schema.json").getInputStream()) {
      table = JSON.readTree(in);
    }
    ObjectNode json = JSON.createObjectNode();
    json.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    json.put("type", "object");
    json.put("additionalProperties", false);
    ObjectNode properties = json.putObject("properties");
    ArrayNode required = json.putArray("required");
    for (JsonNode field : table.get("fields")) {
      String name = field.get("name").asText();
      JsonNode c = field.path("constraints");
      ObjectNode p = properties.putObject(name);
      switch (field.get("type").asText()) {
        case "number" -> {
          p.put("type", "number");
          if (c.has("minimum")) {
            p.set("minimum", c.get("minimum"));
          }
          if (c.has("maximum")) {
            p.set("maximum", c.get("maximum"));
          }
        }
        case "date" -> p.put("type", "string").put("pattern", "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
        default -> {
          p.put("type", "string").put("minLength", 1);
          if (c.has("maxLength")) {
            p.set("maxLength", c.get("maxLength"));
          }
          if (c.has("pattern")) {
            p.set("pattern", c.get("pattern"));
          }
          if (c.has("enum")) {
            p.set("enum", c.get("enum"));
          }
        }
      }
      if (c.path("required").asBoolean(false)) {
        required.add(name);
      }
    }
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(json.toString());
    return schema;
  }

  private static List<String> schemaFieldNames() throws Exception {
    List<String> names = new ArrayList<>();
    try (InputStream in = new ClassPathResource("open-data/subventions.schema.json").getInputStream()) {
      JSON.readTree(in).get("fields").forEach(f -> names.add(f.get("name").asText()));
    }
    return names;
  }

  private static void valid(ObjectNode row) {
    try {
      assertThat(schema().validate(row)).as(row.toString()).isEmpty();
      LocalDate.parse(row.get("dateConvention").asText());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The rows of a CSV as the JSON objects the schema validates: "" left out, numbers cast. */
  private static List<ObjectNode> asObjects(List<CSVRecord> rows) throws Exception {
    JsonNode table;
    try (InputStream in = new ClassPathResource("open-data/subventions.schema.json").getInputStream()) {
      table = JSON.readTree(in);
    }
    List<String> names = rows.get(0).toList();
    List<ObjectNode> objects = new ArrayList<>();
    for (CSVRecord r : rows.subList(1, rows.size())) {
      ObjectNode o = JSON.createObjectNode();
      for (int i = 0; i < names.size(); i++) {
        String value = r.get(i);
        if (value.isEmpty()) {
          continue;
        }
        String type = type(table, names.get(i));
        if (type.equals("number") && value.matches("-?[0-9]+(\\.[0-9]+)?")) {
          o.put(names.get(i), new BigDecimal(value));
        } else {
          o.put(names.get(i), value);
        }
      }
      objects.add(o);
    }
    return objects;
  }

  private static String type(JsonNode table, String name) {
    for (Iterator<JsonNode> it = table.get("fields").elements(); it.hasNext(); ) {
      JsonNode f = it.next();
      if (f.get("name").asText().equals(name)) {
        return f.get("type").asText();
      }
    }
    return "string";
  }

  private static List<CSVRecord> parse(String body) throws Exception {
    try (CSVParser parser = CSVParser.parse(new StringReader(body), CSVFormat.RFC4180)) {
      return parser.getRecords();
    }
  }

  private static List<String> siretsOf(List<ObjectNode> rows) {
    return rows.stream().map(r -> r.get("idBeneficiaire").asText()).toList();
  }

  private static ObjectNode only(List<ObjectNode> rows, Application a) {
    List<ObjectNode> of = rows.stream().filter(r -> r.get("idBeneficiaire").asText()
        .equals(a.getOrganization().getSiret())).toList();
    assertThat(of).hasSize(1);
    return of.get(0);
  }
}
