package fr.pasdecalais.habitat.aap.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.pasdecalais.habitat.aap.application.ApplicationRepository;
import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.application.Dossiers;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallRepository;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs {@code docs/access-matrix.md}: every action × every role against the running application,
 * through the door the row names, and for every refusal checks that nothing changed. Run with the
 * engine's own accounts ({@link AccessMatrixTest}) and with directory accounts ({@code AccessMatrixLdapIT}).
 */
public abstract class AccessMatrix {

  static final String PASSWORD = "Mot-de-passe-matrice-1";
  static final Path MATRIX = Path.of("docs/access-matrix.md");
  static final String BOUNDARY = "matrice-frontiere";
  static final List<String> ROLES = List.of("anonyme", "porteur", "jury de l'appel", "jury hors appel", "instructeur",
      "secrétariat", "finances", "finances État", "préfecture", "superviseur", "administrateur");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentitySetup identitySetup;
  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;
  @Autowired ApplicationService applicationService;
  @Autowired ApplicationRepository applications;
  @Autowired CallRepository calls;
  @Autowired LoginThrottle throttle;
  @Autowired fr.pasdecalais.habitat.aap.agreement.AgreementScenarios agreementScenarios;
  @Autowired fr.pasdecalais.habitat.aap.agreement.AgreementActions agreementActions;
  @Autowired fr.pasdecalais.habitat.aap.payment.RecoveryCollections recoveryCollections;
  /** The titre de recette of a State-funded convention ({@code {stateTitre}}), made once. */
  private fr.pasdecalais.habitat.aap.payment.Payment stateTitre;
  @Autowired fr.pasdecalais.habitat.aap.call.TerritoryDirectory territories;

  final ObjectMapper json = new ObjectMapper();
  final Map<String, Account> accounts = new LinkedHashMap<>();
  CallForProjects call;
  String otherJuror;
  /** Instances the placeholders of the current cell started: their variables are part of the fingerprint. */
  final List<String> cellInstances = new ArrayList<>();
  final Map<String, Boolean> webappSessions = new LinkedHashMap<>();

  public record Row(String action, String method, String path, String body, Map<String, String> expected) {}

  record Account(String role, String user, String password, HttpClient client, CookieManager cookies) {}

  @AfterEach
  void forgetFailures() {
    throttle.forgetAll(); // the anonymous logins failed on purpose
  }

  @TestFactory
  Stream<DynamicTest> everyRoleGetsExactlyItsRights() throws IOException {
    List<Row> rows = readMatrix();
    assertThat(rows).hasSizeGreaterThan(40);
    return rows.stream().flatMap(row -> ROLES.stream().map(role -> DynamicTest.dynamicTest(
        role + " — " + row.action() + " (" + row.method() + " " + row.path() + ") → " + row.expected().get(role),
        () -> runCell(row, role))));
  }

  static List<Row> readMatrix() throws IOException {
    List<String> lines = Files.readAllLines(MATRIX, StandardCharsets.UTF_8);
    int start = lines.indexOf("<!-- matrix:start -->");
    int end = lines.indexOf("<!-- matrix:end -->");
    assertThat(start).as("matrix markers in " + MATRIX).isGreaterThanOrEqualTo(0).isLessThan(end);
    List<String> header = cells(lines.get(start + 1));
    assertThat(header.subList(3, header.size())).containsExactlyElementsOf(ROLES);
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(start + 3, end)) {
      List<String> c = cells(line);
      String request = c.get(1).replace("`", "");
      String body = c.get(2).replace("`", "");
      Map<String, String> expected = new LinkedHashMap<>();
      for (int i = 0; i < ROLES.size(); i++) {
        expected.put(ROLES.get(i), c.get(3 + i));
      }
      rows.add(new Row(c.get(0), request.substring(0, request.indexOf(' ')), request.substring(request.indexOf(' ') + 1),
          body, expected));
    }
    return rows;
  }

  private static List<String> cells(String line) {
    String inner = line.trim().substring(1, line.trim().length() - 1);
    return Stream.of(inner.split("\\|", -1)).map(String::trim).toList();
  }

  // ---------------------------------------------------------------------------------------------

  private void runCell(Row row, String role) throws Exception {
    setUpOnce();
    String notApplicable = notApplicable(row);
    org.junit.jupiter.api.Assumptions.assumeTrue(notApplicable == null, notApplicable);
    Account account = accounts.get(role);
    cellInstances.clear();
    String path = resolve(row.path(), account);
    String body = resolve(row.body(), account);
    int expected = Integer.parseInt(row.expected().get(role));
    Map<String, Object> before = expected >= 400 ? fingerprint() : null;
    HttpResponse<String> response;
    if (row.method().equals("LOGIN")) {
      response = login(account, path.trim(), role.equals("anonyme") ? "mauvais-mot-de-passe" : account.password());
    } else {
      response = send(account, row.method(), path, body, path.startsWith("/camunda/"));
    }
    assertThat(response.statusCode()).as(role + " " + row.method() + " " + path + " → " + response.body())
        .isEqualTo(expected);
    if (before != null) {
      assertThat(fingerprint()).as("a refusal changes nothing (" + role + ", " + row.action() + ")").isEqualTo(before);
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (path.startsWith("/api/") || type.contains("problem")) {
        assertThat(type).as("refusals of our gates are problems").contains("application/problem+json");
        assertThat(json.readTree(response.body()).path("detail").asText()).as("a French reason").isNotBlank();
      } else if (!(response.statusCode() == 401 && path.startsWith("/camunda/"))) {
        // the engine's own refusals keep Camunda's format, which Tasklist and Cockpit read
        assertThat(json.readTree(response.body()).path("message").asText()).as("the engine's reason").isNotBlank();
      }
    }
  }

  private HttpResponse<String> send(Account account, String method, String path, String body, boolean webapp)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    HttpRequest.BodyPublisher publisher = body == null || body.isBlank()
        ? (method.equals("POST") || method.equals("PUT") ? HttpRequest.BodyPublishers.ofString("")
            : HttpRequest.BodyPublishers.noBody())
        : HttpRequest.BodyPublishers.ofString(body);
    request.method(method, publisher).header("Accept", "application/json");
    if (body != null && body.startsWith("--" + BOUNDARY)) {
      request.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    } else if (body != null && !body.isBlank() || method.equals("POST") || method.equals("PUT")) {
      request.header("Content-Type", "application/json");
    }
    if (webapp) {
      if (account.user() != null && openWebappSession(account)) {
        String token = xsrf(account);
        if (token != null) {
          request.header("X-XSRF-TOKEN", token);
        }
      }
    } else if (account.user() != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((account.user() + ":" + account.password()).getBytes(StandardCharsets.UTF_8)));
    }
    return account.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Logs into the welcome page once per account; false when the account may not (partners). */
  private boolean openWebappSession(Account account) throws Exception {
    Boolean open = webappSessions.get(account.role());
    if (open == null) {
      open = login(account, "welcome", account.password()).statusCode() == 200;
      webappSessions.put(account.role(), open);
    }
    return open;
  }

  private HttpResponse<String> login(Account account, String app, String password) throws Exception {
    fetchXsrf(account);
    String form = "username=" + URLEncoder.encode(account.user() == null ? "inconnu" : account.user(), StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    String token = xsrf(account);
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    HttpResponse<String> response = account.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    fetchXsrf(account); // the session was renewed at login: a new token goes with it
    return response;
  }

  private void fetchXsrf(Account account) throws Exception {
    account.client().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/welcome/default/"))
        .GET().build(), HttpResponse.BodyHandlers.discarding());
  }

  private static String xsrf(Account account) {
    return account.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  // ---------------------------------------------------------------------------------------------

  private String resolve(String text, Account account) throws Exception {
    String t = text;
    if (t.contains("{draftCall}")) {
      String reference = "AAP-B-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
      catalog.create(reader.read(reference + ".yaml", new java.io.ByteArrayInputStream(
          Dossiers.astreYaml(reference).getBytes(StandardCharsets.UTF_8))));
      t = t.replace("{draftCall}", reference);
    }
    if (t.contains("{siret}")) {
      t = t.replace("{siret}", organizationOf(newDossier()));
    }
    if (t.contains("{newTerritory}")) {
      t = t.replace("{newTerritory}", "MATRICE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
    }
    if (t.contains("{partner}")) {
      t = t.replace("{partner}", accounts.get("porteur").user());
    }
    if (t.contains("{call}")) {
      t = t.replace("{call}", call.getReference());
    }
    while (t.contains("{dossier}")) {
      t = t.replaceFirst("\\{dossier}", newDossier());
    }
    if (t.contains("{agentTask}")) {
      t = t.replace("{agentTask}", taskOf(start("Process_MatrixAgent", Map.of("reference", "AAP-MATRICE-AGENT"))));
    }
    if (t.contains("{juryTask}")) {
      t = t.replace("{juryTask}", taskOf(start("Process_MatrixJury",
          Map.of("juryMember", accounts.get("jury de l'appel").user(), "reference", "AAP-MATRICE-JURY"))));
    }
    if (t.contains("{stateMandateTask}")) {
      t = t.replace("{stateMandateTask}", taskOf(start("Process_MatrixPayer",
          Map.of("payerGroup", Groups.ETAT_FINANCES, "reference", "AAP-MATRICE-MANDAT-ETAT"))));
    }
    if (t.contains("{departementMandateTask}")) {
      t = t.replace("{departementMandateTask}", taskOf(start("Process_MatrixPayer",
          Map.of("payerGroup", Groups.FINANCES, "reference", "AAP-MATRICE-MANDAT-DEPARTEMENT"))));
    }
    if (t.contains("{stateTitre}")) {
      t = t.replace("{stateTitre}", String.valueOf(stateTitre().getId()));
    }
    if (t.contains("{stateTitreNumber}")) {
      t = t.replace("{stateTitreNumber}", stateTitre().getOrderNumber());
    }
    if (t.contains("{collectionReference}")) {
      t = t.replace("{collectionReference}", "Q-MATRICE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
    }
    if (t.contains("{supervisorTask}")) {
      t = t.replace("{supervisorTask}", taskOf(start("Process_MatrixSupervisor", Map.of("reference", "AAP-MATRICE-SUPERVISION"))));
    }
    if (t.contains("{timerJob}")) {
      ProcessInstance pi = start("Process_MatrixTimer", Map.of("reference", "AAP-MATRICE-MINUTERIE"));
      t = t.replace("{timerJob}", engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
          .singleResult().getId());
    }
    if (t.contains("{instance}")) {
      t = t.replace("{instance}", start("Process_MatrixAgent", Map.of("reference", "AAP-MATRICE-INSTANCE")).getId());
    }
    t = t.replace("{otherJuror}", otherJuror).replace("{me}", account.user() == null ? "personne" : account.user());
    if (t.contains("{newCall}")) {
      String reference = "AAP-M-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
      JsonNode definition = new ObjectMapper(new YAMLFactory()).readTree(Dossiers.astreYaml(reference));
      t = t.replace("{newCall}", json.writeValueAsString(definition));
    }
    if (t.contains("{deployment}")) {
      String id = "Process_Essai_" + UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
      String model = Bpmn.convertToString(Bpmn.createExecutableProcess(id).name("Essai").camundaHistoryTimeToLive(1)
          .startEvent().endEvent().done());
      t = t.replace("{deployment}", "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
          + id + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"essai.bpmn\"; filename=\"essai.bpmn\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + BOUNDARY + "--\r\n");
    }
    if (t.contains("{newUser}")) {
      String id = "essai-" + UUID.randomUUID().toString().substring(0, 8);
      t = t.replace("{newUser}", "{\"profile\": {\"id\": \"" + id + "\", \"firstName\": \"Essai\", \"lastName\": \"Matrice\","
          + " \"email\": \"" + id + "@exemple.fr\"}, \"credentials\": {\"password\": \"" + PASSWORD + "\"}}");
    }
    if (t.contains("{postalDossier}")) {
      // received by post on 31/05/2023 16h30, inside the window; typed in on 02/06/2023 (the engine clock)
      ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2023-06-02T09:00:00").atZone(ZoneId.of("Europe/Paris")).toInstant()));
      ObjectNode variables = json.createObjectNode();
      Map<String, Object> form = new LinkedHashMap<>();
      form.put("callReference", call.getReference());
      form.put("receivedAt", "2023-05-31T16:30");
      form.put("siret", Dossiers.siret());
      form.put("organizationName", "Association Matrice");
      form.put("legalForm", "Association loi 1901");
      form.put("holderType", Dossiers.HOLDER_TYPE);
      form.put("approvals", Dossiers.AGREMENT);
      form.put("street", "5 rue de la Gare");
      form.put("postalCode", "62400");
      form.put("city", "Béthune");
      form.put("email", Dossiers.email());
      form.put("legalRepresentative", "Paul Dumont");
      form.put("territories", "ARTOIS");
      form.put("summary", "Accompagnement de 10 ménages.");
      form.forEach((k, v) -> variables.putObject(k).put("value", (String) v).put("type", "String"));
      variables.putObject("requestedAmount").put("value", 21000.5).put("type", "Double");
      variables.putObject("requestedUnits").put("value", 10).put("type", "Long");
      ObjectNode body = json.createObjectNode();
      body.set("variables", variables);
      t = t.replace("{postalDossier}", json.writeValueAsString(body));
    }
    return t;
  }

  private ProcessInstance start(String key, Map<String, Object> variables) {
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(key, variables);
    cellInstances.add(pi.getId());
    return pi;
  }

  private String taskOf(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
  }

  private String newDossier() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2023-05-02T10:00:00").atZone(ZoneId.of("Europe/Paris")).toInstant()));
    try {
      return new Dossiers(catalog, reader, applicationService).submit(call, Dossiers.email(), true).application().getReference();
    } finally {
      ProcessTestSupport.resetClock();
    }
  }

  private String organizationOf(String dossier) {
    return applications.findByReference(dossier).orElseThrow().getOrganization().getSiret();
  }

  /** What a refused request must not change. */
  private Map<String, Object> fingerprint() {
    ProcessTestSupport.resetClock();
    Map<String, Object> f = new TreeMap<>();
    var runtime = engine.getRuntimeService();
    f.put("instances", runtime.createProcessInstanceQuery().count());
    f.put("suspended instances", runtime.createProcessInstanceQuery().suspended().count());
    f.put("tasks", engine.getTaskService().createTaskQuery().count());
    f.put("assigned tasks", engine.getTaskService().createTaskQuery().taskAssigned().count());
    List<Job> jobs = engine.getManagementService().createJobQuery().list();
    f.put("jobs", jobs.size());
    f.put("job retries", jobs.stream().mapToInt(Job::getRetries).sum());
    f.put("incidents", runtime.createIncidentQuery().count());
    f.put("variables", runtime.createVariableInstanceQuery().count());
    if (!cellInstances.isEmpty()) {
      f.put("variables of the cell's instances", runtime.createVariableInstanceQuery()
          .processInstanceIdIn(cellInstances.toArray(String[]::new)).list().stream()
          .map(v -> v.getProcessInstanceId() + ":" + v.getName() + "=" + v.getValue()).sorted().toList());
    }
    if (stateTitre != null) {
      f.put("collected on the State titre", recoveryCollections.state(stateTitre.getId()).collected());
    }
    f.put("deployments", engine.getRepositoryService().createDeploymentQuery().count());
    f.put("users", engine.getIdentityService().createUserQuery().count());
    f.put("groups", engine.getIdentityService().createGroupQuery().count());
    f.put("authorizations", engine.getAuthorizationService().createAuthorizationQuery().count());
    f.put("filters", engine.getFilterService().createFilterQuery().count());
    f.put("dossiers", applications.count());
    f.put("calls", calls.count());
    f.put("territories", territories.all());
    return f;
  }

  /** One account of the matrix: its login, password, and the group to create it in (null: it exists already). */
  public record Login(String user, String password, String createInGroup) {}

  /** The account of each role but "anonyme"; the juror of the call and the other one are asked apart. */
  protected abstract Map<String, Login> logins(String jurorOfTheCall, String otherJuror);

  /** The juror seated on the fixture call, and a juror of another call. */
  protected abstract String[] jurors();

  /** Whether the row applies to this identity source (a read-only directory creates no user). */
  protected String notApplicable(Row row) {
    return null;
  }

  private synchronized void setUpOnce() {
    if (call != null) {
      return;
    }
    ProcessTestSupport.init(engine);
    deployFixtures();
    String[] jurors = jurors();
    otherJuror = jurors[1];
    call = callSeating(jurors[0]);
    account("anonyme", null, null, null);
    logins(jurors[0], jurors[1]).forEach((role, login) ->
        account(role, login.user(), login.password(), login.createInGroup()));
    assertThat(accounts.keySet()).containsExactlyInAnyOrderElementsOf(ROLES);
  }

  /** A published call from the ASTRE 2023 file, under a new reference, whose first jury seat is this juror. */
  private CallForProjects callSeating(String juror) {
    String reference = "AAP-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String yaml = Dossiers.astreYaml(reference).replaceFirst("userId: jure-a-[a-z0-9-]+", "userId: " + juror);
    catalog.create(reader.read(reference + ".yaml", new java.io.ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    return catalog.publish(reference);
  }

  /**
   * A titre de recette of a State-funded convention: the ASTRE 2023 file funded by the State, its
   * advance of 33 600,00 € paid, terminated with 10 500,00 € justified → a titre of 23 100,00 €.
   */
  private fr.pasdecalais.habitat.aap.payment.Payment stateTitre() {
    if (stateTitre == null) {
      ProcessTestSupport.clock("2023-05-10T10:00:00");
      String reference = agreementScenarios.call("astre-etat");
      var dossier = agreementScenarios.application(reference, "UNIQUE", "PAS_DE_CALAIS",
          new java.math.BigDecimal("42000.00"), java.time.Instant.parse("2023-05-10T08:00:00Z"));
      ProcessTestSupport.clock("2023-10-25T10:00:00");
      ProcessInstance pi = agreementScenarios.start(dossier);
      agreementScenarios.prepare(pi, "42000", "20 mesures d'accompagnement de 12 mois", "2023-10-02");
      agreementScenarios.sign(pi, "2023-10-20", "2023-10-24");
      agreementScenarios.mandate(pi, "Task_ValidateAdvanceMandate", "2023-10-25", "ETAT-MATRICE-" + pi.getId());
      Long agreementId = agreementScenarios.agreementId(pi);
      ProcessTestSupport.clock("2023-12-01T10:00:00");
      agreementActions.terminate(agreementScenarios.agreement(agreementId).getNumber(), "Matrice des droits",
          new fr.pasdecalais.habitat.aap.identity.Caller(fr.pasdecalais.habitat.aap.agreement.AgreementScenarios.AGENT, java.util.Set.of(Groups.INSTRUCTEURS)));
      var expenses = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
          .taskDefinitionKey("Task_StateJustifiedExpenses").singleResult();
      agreementScenarios.completeAs(fr.pasdecalais.habitat.aap.agreement.AgreementScenarios.AGENT, expenses, Map.of("justifiedExpenses", 10500.0,
          "terminationComment", "Trois mois justifiés"));
      ProcessTestSupport.executeDueJobs(engine);
      ProcessTestSupport.resetClock();
      stateTitre = agreementScenarios.payments(agreementId).stream()
          .filter(p -> p.getKind() == fr.pasdecalais.habitat.aap.payment.PaymentKind.RECOVERY).findFirst().orElseThrow();
    }
    return stateTitre;
  }

  private void account(String role, String user, String password, String group) {
    if (user != null && group != null) {
      identitySetup.ensureUser(user, "Essai", role, password, group);
    }
    CookieManager cookies = new CookieManager();
    accounts.put(role, new Account(role, user, password, HttpClient.newBuilder().cookieHandler(cookies).build(), cookies));
  }

  private void deployFixtures() {
    var repository = engine.getRepositoryService();
    if (repository.createProcessDefinitionQuery().processDefinitionKey("Process_MatrixPayer").count() > 0) {
      return;
    }
    repository.createDeployment().name("access-matrix-fixtures")
        .addModelInstance("matrix-agent.bpmn", Bpmn.createExecutableProcess("Process_MatrixAgent")
            .name("Matrice : tâche d'agent").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_MatrixAgent").name("Tâche d'agent").camundaCandidateGroups(Groups.INSTRUCTEURS)
            .endEvent().done())
        .addModelInstance("matrix-jury.bpmn", Bpmn.createExecutableProcess("Process_MatrixJury")
            .name("Matrice : avis").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_MatrixOpinion").name("Donner un avis").camundaAssignee("${juryMember}")
            .endEvent().done())
        .addModelInstance("matrix-supervisor.bpmn", Bpmn.createExecutableProcess("Process_MatrixSupervisor")
            .name("Matrice : tâche de supervision").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_MatrixSupervision").name("Traiter un retard").camundaCandidateGroups(Groups.SUPERVISEURS)
            .endEvent().done())
        // the mandate tasks of grant-agreement: their group is the funder's, read from payerGroup
        .addModelInstance("matrix-payer.bpmn", Bpmn.createExecutableProcess("Process_MatrixPayer")
            .name("Matrice : mandatement").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_MatrixMandate").name("Valider le mandatement").camundaCandidateGroups("${payerGroup}")
            .endEvent().done())
        .addModelInstance("matrix-timer.bpmn", Bpmn.createExecutableProcess("Process_MatrixTimer")
            .name("Matrice : minuterie").camundaHistoryTimeToLive(1)
            .startEvent().intermediateCatchEvent("Timer_MatrixHour").name("Une heure").timerWithDuration("PT1H")
            .userTask("Task_MatrixAfterTimer").name("Après la minuterie").camundaCandidateGroups(Groups.INSTRUCTEURS)
            .endEvent().done())
        .deploy();
  }
}
