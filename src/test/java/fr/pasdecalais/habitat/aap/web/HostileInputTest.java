package fr.pasdecalais.habitat.aap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pasdecalais.habitat.aap.application.ApplicationDocumentRepository;
import fr.pasdecalais.habitat.aap.application.ApplicationRepository;
import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.application.Dossiers;
import fr.pasdecalais.habitat.aap.application.OrganizationRepository;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallRepository;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.notification.NotificationRepository;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile input on {@code /api/**}: malformed JSON, wrong types, huge texts, invisible characters,
 * path tricks, booby-trapped files, missing credentials. Every case must get a 4xx French problem
 * (never a 5xx), naming the faulty field where there is one, and write nothing.
 */
@SpringScenarioTest
class HostileInputTest {

  static final String PASSWORD = "Mot-de-passe-hostile-1";
  static final String AGENT = "h-instructeur";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired IdentitySetup identity;
  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;
  @Autowired ApplicationService service;
  @Autowired ApplicationRepository applications;
  @Autowired OrganizationRepository organizations;
  @Autowired ApplicationDocumentRepository documents;
  @Autowired NotificationRepository notifications;
  @Autowired CallRepository calls;
  @Autowired ProcessEngine engine;

  CallForProjects call;
  String dossier;

  /** One hostile request: what is sent, and the field the answer must name (null: none). */
  record Case(String name, String method, String path, String contentType, byte[] body, String field, boolean authenticated) {}

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @TestFactory
  Stream<DynamicTest> everyHostileRequestGetsAFrenchRefusalAndWritesNothing() throws Exception {
    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
  }

  @org.junit.jupiter.api.Test
  void aThousandCharacterFileNameIsCutNotAnsweredAs413() throws Exception {
    setUpOnce();
    ProcessTestSupport.clock("2023-04-10T10:00:00");
    String name = "n".repeat(1000) + ".pdf";
    Response r = send(multipart("nom long", "/api/applications/{dossier}/documents?type=PROJET",
        part("file", name, "application/pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes()), null));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(json.readTree(r.body()).path("fileName").asText()).hasSize(255).endsWith(".pdf");
  }

  private void run(Case c) throws Exception {
    setUpOnce();
    ProcessTestSupport.clock("2023-04-10T10:00:00"); // inside the call's window: only the input can be wrong
    Map<String, Long> before = counts();
    Response r = send(c);
    assertThat(r.status()).as(c.name() + " → " + r.body()).isBetween(400, 499);
    assertThat(r.contentType()).as(c.name() + " content type, body " + r.body()).contains("application/problem+json");
    JsonNode problem = json.readTree(r.body());
    assertThat(problem.path("status").asInt()).isEqualTo(r.status());
    assertThat(problem.path("title").asText() + " " + problem.path("detail").asText()).as(c.name())
        .matches("(?s).*[a-zà-ÿ]{3,}.*").doesNotContain("Bad Request", "Not Found", "Internal", "Exception", "java.", "org.");
    if (c.field() != null) {
      assertThat(problem.path("errors").findValuesAsText("field")).as(c.name() + " names the field: " + r.body())
          .anySatisfy(f -> assertThat(f).startsWith(c.field()));
    }
    assertThat(counts()).as(c.name() + " wrote nothing").isEqualTo(before);
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("dossiers", applications.count());
    counts.put("organisations", organizations.count());
    counts.put("pièces", documents.count());
    counts.put("courriels", notifications.count());
    counts.put("appels", calls.count());
    counts.put("instances", engine.getRuntimeService().createProcessInstanceQuery().count());
    return counts;
  }

  private synchronized void setUpOnce() {
    if (call != null) {
      return;
    }
    identity.ensureUser(AGENT, "Hugo", "Essai", PASSWORD, Groups.INSTRUCTEURS);
    call = new Dossiers(catalog, reader, service).call(true);
    catalog.publish(call.getReference());
    ProcessTestSupport.clock("2023-04-10T10:00:00");
    dossier = new Dossiers(catalog, reader, service).submit(call, Dossiers.email(), true).application().getReference();
  }

  // ---------------------------------------------------------------------------------------- cases

  private List<Case> cases() throws Exception {
    List<Case> cases = new ArrayList<>();
    String filing = "/api/calls/{call}/applications";
    // every text field of the filing: wrong JSON types, a megabyte, invisible and reordering characters
    Map<String, String> texts = new LinkedHashMap<>();
    for (String f : List.of("siret", "name", "legalForm", "holderType", "street", "postalCode", "city", "email",
        "legalRepresentative")) {
      texts.put("organization." + f, "organization/" + f);
    }
    texts.put("lotCode", "lotCode");
    texts.put("summary", "summary");
    for (Map.Entry<String, String> t : texts.entrySet()) {
      String field = t.getKey();
      String pointer = t.getValue();
      cases.add(filing(field + " : un nombre au lieu d'un texte", field, b -> set(b, pointer, json.getNodeFactory().numberNode(12))));
      cases.add(filing(field + " : un booléen", field, b -> set(b, pointer, json.getNodeFactory().booleanNode(true))));
      cases.add(filing(field + " : un tableau", field, b -> set(b, pointer, json.createArrayNode().add("a"))));
      cases.add(filing(field + " : un objet", field, b -> set(b, pointer, json.createObjectNode().put("a", 1))));
      cases.add(filing(field + " : un million de caractères", field, b -> set(b, pointer, text("x".repeat(1_000_000)))));
      cases.add(filing(field + " : un caractère nul", field, b -> set(b, pointer, text("Asso\u0000ciation"))));
      cases.add(filing(field + " : une inversion de sens d'écriture", field, b -> set(b, pointer, text("Asso\u202Eciation"))));
      cases.add(filing(field + " : une demi-paire de substitution", field, b -> set(b, pointer, text("Asso\uD800ciation"))));
      cases.add(filing(field + " : un caractère d'échappement ANSI", field, b -> set(b, pointer, text("\u001B[31mrouge"))));
    }
    // money and counts
    for (Object amount : List.of(-1, 0, "abc", "1e400", "12.345", "1000000000000000.00", true)) {
      cases.add(filing("requestedAmount : " + amount, "requestedAmount", b -> set(b, "requestedAmount",
          amount instanceof String s ? text(s) : amount instanceof Boolean bo ? json.getNodeFactory().booleanNode(bo)
              : json.getNodeFactory().numberNode((Integer) amount))));
    }
    cases.add(filing("requestedAmount : 3 décimales en nombre", "requestedAmount",
        b -> set(b, "requestedAmount", json.getNodeFactory().numberNode(new java.math.BigDecimal("100.125")))));
    for (Object units : List.of(1.5, -1, 0, "dix", 1e12, 2147483648L)) {
      cases.add(filing("requestedUnits : " + units, "requestedUnits", b -> set(b, "requestedUnits",
          units instanceof String s ? text(s) : units instanceof Double d ? json.getNodeFactory().numberNode(d)
              : units instanceof Long l ? json.getNodeFactory().numberNode(l) : json.getNodeFactory().numberNode((Integer) units))));
    }
    // lists
    cases.add(filing("territories : 10 000 éléments", "territories", b -> {
      ArrayNode many = json.createArrayNode();
      for (int i = 0; i < 10_000; i++) {
        many.add("T" + i);
      }
      b.set("territories", many);
    }));
    cases.add(filing("territories : vide", "territories", b -> b.set("territories", json.createArrayNode())));
    cases.add(filing("territories : un nombre", "territories", b -> b.set("territories", json.createArrayNode().add(5))));
    cases.add(filing("territories : tableaux imbriqués", "territories",
        b -> b.set("territories", json.createArrayNode().add(json.createArrayNode().add("CALL")))));
    cases.add(filing("territories : un texte au lieu d'une liste", "territories", b -> b.put("territories", "CALL")));
    cases.add(filing("territories : inconnu", "territories", b -> b.set("territories", json.createArrayNode().add("ATLANTIDE"))));
    cases.add(filing("approvals : 10 000 éléments", "organization.approvals", b -> {
      ArrayNode many = json.createArrayNode();
      for (int i = 0; i < 10_000; i++) {
        many.add(i % 2 == 0 ? "" : "A");
      }
      ((ObjectNode) b.get("organization")).set("approvals", many);
    }));
    // SIRET
    for (String siret : List.of("12345678901234", "1234567890123", "123456789012345", "ABCDEFGHIJKLMN", "7356 8883 5000 11")) {
      cases.add(filing("siret : " + siret, "organization.siret", b -> ((ObjectNode) b.get("organization")).put("siret", siret)));
    }
    cases.add(filing("email : pas une adresse", "organization.email", b -> ((ObjectNode) b.get("organization")).put("email", "pas-une-adresse")));
    cases.add(filing("postalCode : lettres", "organization.postalCode", b -> ((ObjectNode) b.get("organization")).put("postalCode", "62ABC")));
    cases.add(filing("champ inconnu à la racine", "champInconnu", b -> b.put("champInconnu", "x")));
    cases.add(filing("champ inconnu dans l'organisme", "organization.couleur", b -> ((ObjectNode) b.get("organization")).put("couleur", "bleu")));
    cases.add(filing("organisme absent", "organization", b -> b.remove("organization")));
    cases.add(filing("organisme nul", "organization", b -> b.putNull("organization")));
    cases.add(filing("organisme : un texte", "organization", b -> b.put("organization", "Association")));
    // malformed bodies
    String valid = json.writeValueAsString(validFiling());
    cases.add(raw("JSON tronqué", "POST", filing, "application/json", valid.substring(0, valid.length() / 2), null));
    cases.add(raw("JSON suivi de déchets", "POST", filing, "application/json", valid + "}}}", null));
    cases.add(raw("deux objets JSON à la suite", "POST", filing, "application/json", valid + valid, null));
    cases.add(raw("clé en double", "POST", filing, "application/json",
        valid.replaceFirst("\\{", "{\"summary\": \"premier\", "), "summary"));
    cases.add(raw("corps vide", "POST", filing, "application/json", "", null));
    cases.add(raw("null", "POST", filing, "application/json", "null", null));
    cases.add(raw("un tableau au lieu d'un objet", "POST", filing, "application/json", "[" + valid + "]", null));
    cases.add(raw("un nombre", "POST", filing, "application/json", "42", null));
    cases.add(raw("imbrication profonde", "POST", filing, "application/json",
        "{\"summary\": " + "[".repeat(5000) + "]".repeat(5000) + "}", "summary"));
    cases.add(raw("octets UTF-8 invalides", "POST", filing, "application/json",
        new String(new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, StandardCharsets.ISO_8859_1), null));
    cases.add(raw("commentaire JavaScript", "POST", filing, "application/json", "/* x */" + valid, null));
    cases.add(raw("guillemets simples", "POST", filing, "application/json", valid.replace('"', '\''), null));
    cases.add(raw("NaN", "POST", filing, "application/json", valid.replace("\"42000.00\"", "NaN"), null));
    cases.add(raw("type de contenu texte", "POST", filing, "text/plain", valid, null));
    cases.add(raw("type de contenu XML", "POST", filing, "application/xml", "<dossier/>", null));
    cases.add(raw("type de contenu formulaire", "POST", filing, "application/x-www-form-urlencoded", "summary=x", null));
    cases.add(raw("sans type de contenu", "POST", filing, null, valid, null));
    cases.add(raw("multipart au lieu de JSON", "POST", filing, "multipart/form-data; boundary=x", "--x--", null));
    // other actions of a dossier
    String withdrawal = "/api/applications/{dossier}/withdrawal";
    cases.add(raw("motif de désistement : un nombre", "POST", withdrawal, "application/json", "{\"reason\": 12}", "reason"));
    cases.add(raw("motif de désistement : un million de caractères", "POST", withdrawal, "application/json",
        "{\"reason\": \"" + "x".repeat(1_000_000) + "\"}", "reason"));
    cases.add(raw("motif de désistement : caractère nul", "POST", withdrawal, "application/json", "{\"reason\": \"a\\u0000b\"}", "reason"));
    cases.add(raw("motif de désistement : champ inconnu", "POST", withdrawal, "application/json", "{\"motif\": \"x\"}", "motif"));
    cases.add(raw("motif de désistement : tableau", "POST", withdrawal, "application/json", "{\"reason\": [\"x\"]}", "reason"));
    cases.add(raw("motif de désistement : JSON tronqué", "POST", withdrawal, "application/json", "{\"reason\": ", null));
    String pieces = "/api/applications/{dossier}/pieces-received";
    cases.add(raw("pièces reçues : commentaire numérique", "POST", pieces, "application/json", "{\"comment\": 3}", "comment"));
    cases.add(raw("pièces reçues : champ inconnu", "POST", pieces, "application/json", "{\"pieces\": 3}", "pieces"));
    cases.add(raw("pièces reçues : commentaire trop long", "POST", pieces, "application/json",
        "{\"comment\": \"" + "y".repeat(5000) + "\"}", "comment"));
    // calls
    cases.add(raw("appel : corps vide", "POST", "/api/calls", "application/json", "{}", null));
    cases.add(raw("appel : référence numérique", "POST", "/api/calls", "application/json", "{\"reference\": 2023}", "reference"));
    cases.add(raw("appel : JSON tronqué", "POST", "/api/calls", "application/json", "{\"reference\": \"AAP", null));
    cases.add(raw("appel : champ inconnu", "POST", "/api/calls", "application/json", "{\"couleur\": \"bleu\"}", "couleur"));
    // query parameters
    for (String query : List.of("state=ACCEPTE", "state=%00", "state=" + "Z".repeat(5000), "state=%E2%80%AE")) {
      cases.add(raw("liste des dossiers : " + query.substring(0, Math.min(20, query.length())), "GET",
          "/api/applications?" + query, null, "", "state"));
    }
    cases.add(raw("ordres de paiement : statut inconnu (refusé à un instructeur)", "GET", "/api/payments?status=VOLE", null, "", null));
    cases.add(raw("journal des connexions : jours non numériques", "GET", "/api/admin/login-attempts?days=dix", null, "", "days"));
    // paths
    for (String path : List.of("/api/calls/%2F", "/api/calls/%00", "/api/calls/..%2F..%2Fetc%2Fpasswd", "/api/calls/a;b=c",
        "/api/calls/%FF%FE", "/api/calls/%", "/api/calls/" + "A".repeat(10_000), "/api/inexistant", "/api/calls/AAP/../../etc",
        "/api/applications/%2e%2e", "/api/calls//double", "/api/calls/%5C%5C", "/api/applications/INEXISTANT-0001",
        "/api/calls/INEXISTANT/agreement-totals", "/api/applications/<script>")) {
      cases.add(raw("chemin " + path.substring(0, Math.min(40, path.length())), "GET", path, null, "", null));
    }
    // methods and representations
    cases.add(raw("DELETE sur la liste des appels", "DELETE", "/api/calls", null, "", null));
    cases.add(raw("PUT sur un dossier", "PUT", "/api/applications/{dossier}", "application/json", "{}", null));
    cases.add(raw("PATCH sur un appel", "PATCH", "/api/calls/{call}", "application/json", "{}", null));
    cases.add(raw("GET sur une action", "GET", "/api/applications/{dossier}/withdrawal", null, "", null));
    cases.add(withAccept(raw("réponse XML demandée", "GET", "/api/calls", null, "", null), "application/xml"));
    // documents
    String upload = "/api/applications/{dossier}/documents?type=PROJET";
    cases.add(multipart("pièce : corps multipart cassé", upload, "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 tronqué".getBytes(StandardCharsets.ISO_8859_1), null));
    cases.add(multipart("pièce : sans fichier", upload, part("autre", "x.txt", "text/plain", "x".getBytes()), "file"));
    cases.add(multipart("pièce : nom de 1 000 caractères", upload, part("file", "n".repeat(1000) + ".exe", "application/octet-stream", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)), null));
    cases.add(multipart("pièce : remontée de répertoire", upload, part("file", "../../etc/passwd", "text/plain", "root:x:0:0".getBytes()), null));
    cases.add(multipart("pièce : caractère nul dans le nom", upload, part("file", "a\u0000.pdf", "application/pdf", "x".getBytes()), null));
    cases.add(multipart("pièce : HTML déguisé en PDF", "/api/applications/{dossier}/documents?type=PROJET",
        part("file", "projet.pdf", "application/pdf", "<html><script>alert(1)</script></html>".getBytes()), null));
    cases.add(multipart("pièce : GIF/JavaScript", upload, part("file", "image.gif", "image/gif",
        "GIF89a/*\u0000\u0000*/=1;alert(document.domain)//".getBytes(StandardCharsets.ISO_8859_1)), null));
    cases.add(multipart("pièce : PDF nommé .docx", upload, part("file", "budget.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes()), null));
    cases.add(multipart("pièce : bombe zip en .docx", upload, part("file", "projet.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", zipBomb()), null));
    cases.add(multipart("pièce : vide", upload, part("file", "vide.pdf", "application/pdf", new byte[0]), null));
    cases.add(multipart("pièce : type de pièce inconnu", "/api/applications/{dossier}/documents?type=INCONNU",
        part("file", "projet.pdf", "application/pdf", "%PDF-1.4\n%%EOF".getBytes()), "type"));
    cases.add(multipart("pièce : type de pièce absent", "/api/applications/{dossier}/documents",
        part("file", "projet.pdf", "application/pdf", "%PDF-1.4\n%%EOF".getBytes()), "type"));
    // credentials
    for (String path : List.of("/api/calls", "/api/applications", "/api/payments", filing)) {
      cases.add(new Case("sans identifiants : " + path, path.equals(filing) ? "POST" : "GET", path, "application/json",
          valid.getBytes(StandardCharsets.UTF_8), null, false));
    }
    return cases;
  }

  private Case filing(String name, String field, Consumer<ObjectNode> mutation) {
    ObjectNode body = validFiling();
    mutation.accept(body);
    try {
      return new Case("dépôt — " + name, "POST", "/api/calls/{call}/applications", "application/json",
          json.writeValueAsBytes(body), field, true);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Case raw(String name, String method, String path, String contentType, String body, String field) {
    return new Case(name, method, path, contentType, body.getBytes(StandardCharsets.UTF_8), field, true);
  }

  private Case withAccept(Case c, String accept) {
    return new Case(c.name(), c.method(), c.path(), "accept:" + accept, c.body(), c.field(), true);
  }

  private Case multipart(String name, String path, byte[] body, String field) {
    return new Case(name, "POST", path, "multipart/form-data; boundary=b", body, field, true);
  }

  private static byte[] part(String name, String fileName, String type, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--b\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** A DOCX-looking zip whose one entry inflates to 200 MB. */
  private static byte[] zipBomb() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes());
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 200; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private ObjectNode validFiling() {
    ObjectNode body = json.createObjectNode();
    ObjectNode org = body.putObject("organization");
    org.put("siret", "73282932000074").put("name", "Association Toit Partagé").put("legalForm", "Association loi 1901")
        .put("holderType", Dossiers.HOLDER_TYPE).put("street", "3 rue Victor Hugo").put("postalCode", "62300")
        .put("city", "Lens").put("email", "contact@toit-partage.example").put("legalRepresentative", "Nadine Carpentier");
    org.putArray("approvals").add(Dossiers.AGREMENT);
    body.put("lotCode", "UNIQUE");
    body.putArray("territories").add("LENS_HENIN");
    body.put("requestedAmount", "42000.00");
    body.put("requestedUnits", 20);
    body.put("summary", "Accompagnement de 20 ménages en précarité énergétique.");
    return body;
  }

  private void set(ObjectNode body, String pointer, JsonNode value) {
    String[] parts = pointer.split("/");
    ObjectNode parent = body;
    for (int i = 0; i < parts.length - 1; i++) {
      parent = (ObjectNode) parent.get(parts[i]);
    }
    parent.set(parts[parts.length - 1], value);
  }

  private JsonNode text(String s) {
    return json.getNodeFactory().textNode(s);
  }

  // ------------------------------------------------------------------------------------ raw HTTP

  record Response(int status, String contentType, String body) {}

  /** Raw HTTP/1.1 over a socket, so that malformed paths and bodies reach the server as they are. */
  private Response send(Case c) throws Exception {
    String path = c.path().replace("{call}", call.getReference()).replace("{dossier}", dossier);
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(60_000);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      StringBuilder head = new StringBuilder(c.method() + " " + path + " HTTP/1.0\r\nHost: localhost:" + port + "\r\n");
      head.append("Connection: close\r\n");
      if (c.contentType() != null && c.contentType().startsWith("accept:")) {
        head.append("Accept: ").append(c.contentType().substring(7)).append("\r\n");
      } else {
        head.append("Accept: application/json, application/problem+json\r\n");
        if (c.contentType() != null) {
          head.append("Content-Type: ").append(c.contentType()).append("\r\n");
        }
      }
      if (c.authenticated()) {
        head.append("Authorization: Basic ").append(Base64.getEncoder().encodeToString((AGENT + ":" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8))).append("\r\n");
      }
      if (!c.method().equals("GET") || c.body().length > 0) {
        head.append("Content-Length: ").append(c.body().length).append("\r\n");
      }
      head.append("\r\n");
      request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      request.writeBytes(c.body());
      socket.getOutputStream().write(request.toByteArray());
      socket.getOutputStream().flush();
      byte[] raw = socket.getInputStream().readAllBytes();
      String text = new String(raw, StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String headers = end < 0 ? text : text.substring(0, end);
      String body = end < 0 ? "" : text.substring(end + 4);
      int status = Integer.parseInt(headers.substring(9, 12));
      String type = headers.lines().filter(l -> l.toLowerCase().startsWith("content-type:")).map(l -> l.substring(13).trim())
          .findFirst().orElse("");
      if (headers.toLowerCase().contains("transfer-encoding: chunked")) {
        body = unchunk(body);
      }
      return new Response(status, type, body);
    }
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      int eol = body.indexOf("\r\n", i);
      if (eol < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(i, eol).trim().split(";")[0], 16);
      if (size == 0) {
        break;
      }
      // sizes count bytes; the bodies here are ASCII-safe JSON or French (UTF-8): re-encode to cut by bytes
      byte[] rest = body.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
      String chunk = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
      out.append(chunk);
      i = eol + 2 + chunk.length() + 2;
    }
    return out.toString();
  }

  @SuppressWarnings("unused")
  private static String uuid() {
    return UUID.randomUUID().toString();
  }
}
