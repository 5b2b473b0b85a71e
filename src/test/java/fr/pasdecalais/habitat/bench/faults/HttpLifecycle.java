package fr.pasdecalais.habitat.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import fr.pasdecalais.habitat.aap.application.SiretValidator;

/**
 * The lifecycle of {@code bench/ProductLifecycle} (the real ASTRE 2023 call, one dossier, a jury of
 * 3, deliberation, convention, advance, final report, service fait, balance, final review), driven
 * over HTTP as the users do, and resumable: each step looks at what the database and the engine say
 * is open (the call, its dossier, the open tasks of their processes) and does the next thing, so a
 * request lost with a killed node is simply looked at again once a node answers.
 */
final class HttpLifecycle {

  static final String AGENT = "bench-agent";
  static final String SECRETARY = "bench-secretariat";
  static final String FINANCE = "bench-finances";
  static final String[] JURORS = {"bench-jure-1", "bench-jure-2", "bench-jure-3"};
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String TEMPLATE = template();
  /** Each kind of error the driver met, logged once. */
  static final java.util.Set<String> ERRORS = java.util.concurrent.ConcurrentHashMap.newKeySet();

  final String ref;
  final int index;
  private final long n;
  private final int closingSeconds;
  private final Api api;
  private final Db db;
  String app;
  volatile String outcome;
  int actions;
  int retries;
  long startedAt;
  long endedAt;

  HttpLifecycle(String prefix, int index, long n, int closingSeconds, Api api, Db db) {
    this.ref = prefix + "-" + String.format(Locale.ROOT, "%05d", index);
    this.index = index;
    this.n = n;
    this.closingSeconds = closingSeconds;
    this.api = api;
    this.db = db;
  }

  /** Runs to the end (or {@code deadline}): ENDED, LATE (dossier after the closing), STUCK: … */
  void run(long deadline) throws InterruptedException {
    startedAt = System.currentTimeMillis();
    while (outcome == null) {
      if (System.nanoTime() > deadline) {
        outcome = "BLOQUÉ : délai dépassé (" + describe() + ")";
        break;
      }
      try {
        if (!step()) {
          Thread.sleep(1000);
        }
      } catch (Api.Down e) {
        retries++;
        Thread.sleep(1000);
      } catch (RuntimeException e) {
        retries++;
        if (ERRORS.add(String.valueOf(e.getMessage()).replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "…").replaceAll("AAP-F[0-9]-[0-9-]+", "…"))) {
          FaultsRunner.log("erreur du pilote (" + ref + ") : " + e.getMessage());
        }
        if (retries > 200) {
          outcome = "BLOQUÉ : " + e.getMessage();
        }
        Thread.sleep(1000);
      }
    }
    endedAt = System.currentTimeMillis();
  }

  private String describe() {
    try {
      return "dossier " + app + ", tâches ouvertes " + db.openTaskKeys(ref, app);
    } catch (Exception e) {
      return e.toString();
    }
  }

  /** One thing done (true) or nothing to do yet (false: a timer or a job is pending). */
  private boolean step() throws Api.Down, InterruptedException {
    if (!db.exists("select 1 from call_for_projects where reference = ?", ref)) {
      Api.Resp r = api.send(AGENT, "POST", "/api/calls?publish=true", callJson());
      if (!r.ok() && r.status() != 409) {
        throw new IllegalStateException("création de l'appel " + ref + " : " + r.status() + " " + Api.abbreviate(r.body()));
      }
      actions++;
      return true;
    }
    if (app == null) {
      app = db.string("select reference from application where call_reference = ?", ref);
      if (app == null) {
        Api.Resp r = api.send(AGENT, "POST", "/api/calls/" + ref + "/applications", applicationJson());
        if (r.status() == 409) {
          app = r.json().path("reference").asText(null);
          outcome = "HORS DÉLAI : dossier déposé après la clôture";
          return true;
        }
        if (!r.ok()) {
          throw new IllegalStateException("dépôt du dossier de " + ref + " : " + r.status() + " " + Api.abbreviate(r.body()));
        }
        app = r.json().path("reference").asText();
        actions++;
        return true;
      }
    }
    Api.Resp tasks = api.send(Node.ADMIN, "GET", "/engine-rest/task?processInstanceBusinessKeyIn="
        + enc(ref + "," + app) + "&sortBy=created&sortOrder=asc", null);
    if (!tasks.ok()) {
      throw new IllegalStateException("tâches de " + ref + " : " + tasks.status() + " " + Api.abbreviate(tasks.body()));
    }
    boolean did = false;
    for (JsonNode t : tasks.json()) {
      did |= handle(t);
    }
    if (did) {
      return true;
    }
    if (db.count("select count(*) from act_hi_procinst where business_key_ in (?, ?) and end_time_ is null", ref, app) == 0
        && db.count("select count(*) from act_hi_procinst where business_key_ = ?", app) > 0) {
      outcome = "TERMINÉ";
    }
    return false;
  }

  private boolean handle(JsonNode t) throws Api.Down, InterruptedException {
    String id = t.path("id").asText();
    String key = t.path("taskDefinitionKey").asText();
    String assignee = t.path("assignee").isTextual() ? t.path("assignee").asText() : null;
    LocalDateTime now = LocalDateTime.now(PARIS).withNano(0);
    String day = now.toLocalDate().toString();
    switch (key) {
      case "Task_CheckCompleteness" -> complete(id, AGENT, true, v().s("complete", "true"));
      case "Task_CheckEligibility" -> complete(id, AGENT, true, v().s("eligible", "true")
          .s("eligibilityReason", "Porteur agréé au titre de l'ingénierie sociale, territoire dans le périmètre du lot."));
      case "Task_OrganiseJurySession" -> complete(id, AGENT, true, v()
          .s("jurySessionDate", now.plusDays(7).atZone(PARIS).toOffsetDateTime().toString())
          .s("opinionDeadline", now.toLocalDate().plusDays(30).toString())
          .json("juryMembers", "[\"" + String.join("\",\"", JURORS) + "\"]"));
      case "Task_DeclareConflict" -> complete(id, assignee, false, v().b("conflictOfInterest", false));
      case "Task_GiveOpinion" -> complete(id, assignee, false, v().i("score1", 4).i("score2", 4).i("score3", 3)
          .i("score4", 4).s("avis", "FAVORABLE").s("opinionComment", "Projet solide, partenariats établis."));
      case "Task_JurySynthesis" -> {
        ArrayNode proposals = (ArrayNode) jsonVariable(id, "proposals");
        ((ObjectNode) proposals.get(0)).put("granted", true).put("proposedAmount", new BigDecimal("33600.00"))
            .put("proposedUnits", 16);
        complete(id, AGENT, true, v().json("proposals", proposals.toString()));
      }
      case "Task_PrepareAssemblyReport" -> complete(id, AGENT, true, v().s("assemblySessionDate", day).b("reportSent", true));
      case "Task_RecordDeliberation" -> complete(id, SECRETARY, true, v()
          .s("deliberationNumber", now.getYear() + "-" + (index + 1)).s("deliberationDate", day)
          .i("votesFor", 43).i("votesAgainst", 0).i("votesAbstention", 0).i("votesAbsent", 1)
          .s("deliberationAdopted", "true"));
      case "Task_PrepareAgreement" -> complete(id, AGENT, true, v().d("agreementAmount", 33600.0)
          .s("agreementUnits", "16 mesures de 12 mois").s("decisionDate", day).b("termsChecked", true));
      case "Task_RecordSignatures" -> complete(id, AGENT, true, v().s("operatorSignedOn", day).s("presidentSignedOn", day));
      case "Task_ValidateAdvanceMandate" -> complete(id, FINANCE, true, v().s("paymentDate", day).s("mandateNumber", "M-A-" + n));
      case "Task_ReceiveFinalReport" -> {
        String indicators = jsonVariable(id, "indicators").toString();
        complete(id, AGENT, true, v().json("indicators", indicators.replace("\"unit\":", "\"value\":12,\"unit\":"))
            .s("reportReceivedOn", day).s("reportSummary", "Bilan annuel : 16 ménages accompagnés.")
            .s("finalReportDecision", "APPROVED"));
      }
      case "Task_CertifyService" -> complete(id, AGENT, true, v().json("quantities",
          "[{\"code\":\"MESURE_MOIS\",\"label\":\"Mois de mesure\",\"value\":192},"
              + "{\"code\":\"DIAGNOSTIC\",\"label\":\"Diagnostic\",\"value\":0}]").s("serviceRenderedOn", day));
      case "Task_ValidateBalanceMandate" -> complete(id, FINANCE, true, v().s("paymentDate", day).s("mandateNumber", "M-S-" + n));
      case "Task_FinalReview" -> complete(id, AGENT, true,
          v().s("reviewComment", "Appel soldé : un dossier conventionné, avance et solde versés."));
      default -> throw new IllegalStateException("tâche inattendue " + key + " dans " + ref + "/" + app);
    }
    return true;
  }

  private JsonNode jsonVariable(String taskId, String name) throws Api.Down, InterruptedException {
    Api.Resp r = api.send(AGENT, "GET", "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false&variableNames=" + name, null);
    if (!r.ok()) {
      throw new IllegalStateException("variable " + name + " : " + r.status() + " " + Api.abbreviate(r.body()));
    }
    JsonNode value = r.json().path(name).path("value");
    try {
      return value.isTextual() ? Api.JSON.readTree(value.asText()) : value;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** As Tasklist: claim (agents' group tasks), then submit the form, as the user. */
  private void complete(String taskId, String user, boolean claim, Vars vars) throws Api.Down, InterruptedException {
    if (claim) {
      Api.Resp c = api.send(user, "POST", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
      if (!c.ok()) {
        throw new IllegalStateException("prise de " + taskId + " par " + user + " : " + c.status() + " " + Api.abbreviate(c.body()));
      }
    }
    Api.Resp r = api.send(user, "POST", "/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":" + vars.node + "}");
    if (!r.ok()) {
      throw new IllegalStateException("envoi du formulaire " + taskId + " par " + user + " : " + r.status() + " "
          + Api.abbreviate(r.body()));
    }
    actions++;
  }

  private String callJson() {
    LocalDateTime now = LocalDateTime.now(PARIS).withNano(0);
    LocalDate today = now.toLocalDate();
    String yaml = TEMPLATE
        .replace("reference: AAP-2023-ASTRE", "reference: " + ref)
        .replace("opensAt: \"2023-04-01T00:00:00\"", "opensAt: \"" + now.minusDays(1) + "\"")
        .replace("closesAt: \"2023-05-31T23:59:59\"", "closesAt: \"" + now.plusSeconds(closingSeconds) + "\"")
        .replace("conventionStart: 2023-11-01", "conventionStart: " + today)
        .replace("conventionEnd: 2024-10-31", "conventionEnd: " + today.plusYears(1).minusDays(1))
        .replace("  - { userId: sophie.dubois, fullName: Sophie Dubois, body: Département du Pas-de-Calais }\n"
            + "  - { userId: thomas.leroy, fullName: Thomas Leroy, body: Communauté d'agglomération de Lens-Liévin (CALL) }\n",
            "  - { userId: " + JURORS[0] + ", fullName: Juré Un, body: Département du Pas-de-Calais }\n"
            + "  - { userId: " + JURORS[1] + ", fullName: Juré Deux, body: Communauté d'agglomération de Lens-Liévin (CALL) }\n"
            + "  - { userId: " + JURORS[2] + ", fullName: Juré Trois, body: Communauté d'agglomération de l'Artois }\n");
    if (!yaml.contains(JURORS[2])) {
      throw new IllegalStateException("le modèle d'appel ASTRE a changé : jury non remplacé");
    }
    try {
      return Api.JSON.writeValueAsString(new YAMLMapper().readTree(yaml));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String applicationJson() {
    ObjectNode org = Api.JSON.createObjectNode().put("siret", siret(n)).put("name", "Association Banc d'essai " + n)
        .put("legalForm", "Association loi 1901").put("holderType", "Organisme agréé")
        .put("street", "12 rue des Écoles").put("postalCode", "62300").put("city", "Lens")
        .put("email", "porteur-" + n + "@exemple.fr").put("legalRepresentative", "Marie Lefebvre");
    org.putArray("approvals").add("Agrément ingénierie sociale, financière et technique (L.365-1 CCH)");
    ObjectNode req = Api.JSON.createObjectNode();
    req.set("organization", org);
    req.put("lotCode", "UNIQUE");
    req.putArray("territories").add("LENS_HENIN");
    req.put("requestedAmount", new BigDecimal("42000.00")).put("requestedUnits", 20)
        .put("summary", "Accompagnement social de 20 ménages propriétaires occupants pendant leurs travaux de rénovation énergétique.");
    return req.toString();
  }

  private static Vars v() {
    return new Vars();
  }

  /** A form's submitted values, typed as the engine's REST API wants them. */
  static final class Vars {
    final ObjectNode node = Api.JSON.createObjectNode();

    private Vars put(String name, String type, Object value) {
      ObjectNode v = node.putObject(name).put("type", type);
      if (value instanceof Boolean b) {
        v.put("value", b);
      } else if (value instanceof Integer i) {
        v.put("value", i);
      } else if (value instanceof Double d) {
        v.put("value", d);
      } else {
        v.put("value", (String) value);
      }
      return this;
    }

    Vars s(String name, String value) {
      return put(name, "String", value);
    }

    Vars b(String name, boolean value) {
      return put(name, "Boolean", value);
    }

    Vars i(String name, int value) {
      return put(name, "Integer", value);
    }

    Vars d(String name, double value) {
      return put(name, "Double", value);
    }

    Vars json(String name, String value) {
      return put(name, "Json", value);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String siret(long n) {
    String base = String.format(Locale.ROOT, "8%012d", n % 1_000_000_000_000L);
    for (int key = 0; key < 10; key++) {
      if (SiretValidator.isValid(base + key)) {
        return base + key;
      }
    }
    throw new IllegalStateException();
  }

  private static String template() {
    try (InputStream in = HttpLifecycle.class.getResourceAsStream("/calls/aap-2023-astre.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> users() {
    return List.of(AGENT, SECRETARY, FINANCE, JURORS[0], JURORS[1], JURORS[2]);
  }
}
