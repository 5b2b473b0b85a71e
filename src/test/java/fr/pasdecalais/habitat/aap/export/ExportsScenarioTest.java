package fr.pasdecalais.habitat.aap.export;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.TASK_CHECK_COMPLETENESS;
import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.TASK_CHECK_ELIGIBILITY;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pasdecalais.habitat.aap.agreement.AgreementScenarios;
import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.application.Dossiers;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallLifecycle;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The exports read back: an ASTRE call driven from publication to the balance of its one granted
 * dossier (jury, Commission Permanente, convention, advance, final report, service fait, balance),
 * a second dossier rejected after a regularisation round; then the dossiers and the conventions
 * exported in CSV (parsed with Commons CSV) and XLSX (opened with POI) through {@code /api}, as an
 * agent, a supervisor and the Département's finance officer would, and refused to everyone else.
 */
@SpringScenarioTest
class ExportsScenarioTest {

  /** Mandate numbers are unique in the database, which the test classes share: this class's own. */
  private static final String ADVANCE_MANDATE = "M-2023-E" + System.nanoTime() % 100000;
  private static final String BALANCE_MANDATE = "M-2024-E" + System.nanoTime() % 100000;


  private static final String PASSWORD = "Essai-Exports-2026!";
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired CallDefinitionReader reader;
  @Autowired CallLifecycle lifecycle;
  @Autowired ApplicationService service;
  @Autowired IdentitySetup identity;
  @Autowired ObjectMapper json;
  @Autowired AgreementScenarios agreements;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void setUp() {
    ProcessTestSupport.init(engine);
    identity.ensureUser("export.agent", "Agathe", "Essai", PASSWORD, Groups.INSTRUCTEURS);
    identity.ensureUser("export.superviseur", "Simon", "Essai", PASSWORD, Groups.SUPERVISEURS);
    identity.ensureUser("export.finances", "Fanny", "Essai", PASSWORD, Groups.FINANCES);
    identity.ensureUser("export.etat", "Étienne", "Essai", PASSWORD, Groups.ETAT_FINANCES);
    identity.ensureUser("export.jury", "Julie", "Essai", PASSWORD, Groups.JURY);
    identity.ensureUser("export.porteur", "Paul", "Essai", PASSWORD, Groups.PORTEURS);
    identity.ensureUser("export.secretariat", "Sarah", "Essai", PASSWORD, Groups.SECRETARIAT);
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  /** What the call left: its reference, the granted and the rejected dossiers, the deliberation's number. */
  record Ended(String call, Application granted, Application rejected, String deliberation, String juryA, String juryB) {}

  @Test
  void aCallDrivenToItsLastPaymentIsExportedInCsvAndXlsxWithItsScoresMoneyAndReportsToTheCent() throws Exception {
    Ended ended = aCallDrivenToTheBalanceOfItsGrantedDossier();
    clock("2025-01-15T10:00:00");

    // dossiers, CSV: BOM, ';', French amounts and dates, one row per dossier, the jurors' scores
    ResponseEntity<byte[]> csv = get("export.agent", "/api/exports/dossiers?call=" + ended.call(), null);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
    assertThat(csv.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
    assertThat(csv.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("dossiers_" + ended.call() + "_2025-01-15.csv");
    byte[] body = csv.getBody();
    assertThat(new byte[] {body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    List<CSVRecord> dossiers = parse(body);
    Map<String, Integer> h = header(dossiers.get(0));
    assertThat(dossiers).hasSize(3);
    CSVRecord granted = row(dossiers, h, "Référence du dossier", ended.granted().getReference());
    CSVRecord rejected = row(dossiers, h, "Référence du dossier", ended.rejected().getReference());
    assertThat(granted.get(h.get("Appel"))).isEqualTo(ended.call());
    assertThat(granted.get(h.get("Financeur"))).isEqualTo("Département");
    assertThat(granted.get(h.get("SIRET"))).isEqualTo(ended.granted().getOrganization().getSiret());
    assertThat(granted.get(h.get("Territoires"))).isEqualTo("ARTOIS");
    assertThat(granted.get(h.get("État"))).isEqualTo("GRANTED");
    assertThat(granted.get(h.get("Montant demandé (€)")))
        .isEqualTo(ended.granted().getRequestedAmount().toPlainString().replace('.', ','));
    assertThat(granted.get(h.get("Montant proposé (€)"))).isEqualTo("33600,00");
    assertThat(granted.get(h.get("Montant accordé (€)"))).isEqualTo("33600,00");
    assertThat(granted.get(h.get("Complétude"))).isEqualTo("Dossier déclaré complet.");
    assertThat(granted.get(h.get("Éligibilité"))).startsWith("Dossier éligible");
    assertThat(granted.get(h.get("Tours de régularisation"))).isEqualTo("0");
    assertThat(granted.get(h.get("Note pondérée (/100)"))).isEqualTo("76,00");
    assertThat(granted.get(h.get("Rang"))).isEqualTo("1");
    assertThat(granted.get(h.get("Décision"))).isEqualTo("Accordée");
    assertThat(granted.get(h.get("Référence de la décision"))).isEqualTo(ended.deliberation());
    assertThat(granted.get(h.get("Date de la décision"))).isEqualTo("03/07/2023");
    assertThat(granted.get(h.get("Reçu le"))).isEqualTo("10/04/2023 10:00");
    assertThat(granted.get(h.get("Notes de " + ended.juryA())))
        .isEqualTo("RESEAU : 5 ; EXPERIENCE : 4 ; CONCERTATION : 3 ; INNOVATION : 2");
    assertThat(granted.get(h.get("Note pondérée de " + ended.juryA()))).isEqualTo("72,00");
    assertThat(granted.get(h.get("Note pondérée de " + ended.juryB()))).isEqualTo("80,00");
    assertThat(granted.get(h.get("Avis de " + ended.juryB()))).isNotBlank();
    assertThat(rejected.get(h.get("État"))).isEqualTo("REJECTED_INCOMPLETE");
    assertThat(rejected.get(h.get("Tours de régularisation"))).isEqualTo("1");
    assertThat(rejected.get(h.get("Complétude"))).isEqualTo("Rejeté : dossier incomplet à la date limite.");
    assertThat(rejected.get(h.get("Montant accordé (€)"))).isEmpty();
    assertThat(rejected.get(h.get("Notes de " + ended.juryA()))).isEmpty();

    // filters: state, territory; a supervisor sees the same file
    assertThat(parse(get("export.superviseur", "/api/exports/dossiers?call=" + ended.call() + "&state=GRANTED", null)
        .getBody())).hasSize(2);
    assertThat(parse(get("export.agent", "/api/exports/dossiers?call=" + ended.call() + "&territory=CALL", null)
        .getBody())).hasSize(2).extracting(r -> r.get(0)).contains(ended.rejected().getReference());
    assertThat(parse(get("export.agent", "/api/exports/dossiers?call=" + ended.call() + "&funder=ETAT", null)
        .getBody())).hasSize(1);

    // dossiers, XLSX (by the Accept header): typed cells, frozen header, filters
    ResponseEntity<byte[]> xlsx = get("export.agent", "/api/exports/dossiers?call=" + ended.call(), XLSX);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(book.getSheetAt(0).getCTWorksheet().getAutoFilter()).isNotNull();
      Map<String, Integer> x = header(sheet.getRow(0));
      Row row = sheetRow(sheet, x, "Référence du dossier", ended.granted().getReference());
      Cell amount = row.getCell(x.get("Montant accordé (€)"));
      assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(BigDecimal.valueOf(amount.getNumericCellValue()).setScale(2)).isEqualByComparingTo("33600.00");
      assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
      Cell decided = row.getCell(x.get("Date de la décision"));
      assertThat(DateUtil.isCellDateFormatted(decided)).isTrue();
      assertThat(decided.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2023, 7, 3));
      assertThat(row.getCell(x.get("Reçu le")).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2023, 4, 10, 10, 0));
      assertThat(row.getCell(x.get("Note pondérée (/100)")).getNumericCellValue()).isEqualTo(76.0);
      assertThat(row.getCell(x.get("Rang")).getCellType()).isEqualTo(CellType.NUMERIC);
    }

    // conventions and money, CSV: the advance and the balance, total paid to the cent, the report, the indicators
    ResponseEntity<byte[]> money = get("export.finances", "/api/exports/conventions?call=" + ended.call() + "&format=csv", null);
    assertThat(money.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(money.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("conventions_" + ended.call() + "_2025-01-15.csv");
    List<CSVRecord> conventions = parse(money.getBody());
    assertThat(conventions).hasSize(2);
    Map<String, Integer> c = header(conventions.get(0));
    CSVRecord convention = conventions.get(1);
    assertThat(convention.get(c.get("Dossier"))).isEqualTo(ended.granted().getReference());
    assertThat(convention.get(c.get("Statut"))).isEqualTo("CLOSED");
    assertThat(convention.get(c.get("Montant de la convention (€)"))).isEqualTo("33600,00");
    assertThat(convention.get(c.get("Montant dû au service fait (€)"))).isEqualTo("33600,00");
    assertThat(convention.get(c.get("Signée le"))).isEqualTo("24/10/2023");
    assertThat(convention.get(c.get("Avance : montant (€)"))).isEqualTo("26880,00");
    assertThat(convention.get(c.get("Avance : n° de mandat"))).isEqualTo(ADVANCE_MANDATE);
    assertThat(convention.get(c.get("Avance : payé le"))).isEqualTo("25/10/2023");
    assertThat(convention.get(c.get("Avance : statut"))).isEqualTo("Payé");
    assertThat(convention.get(c.get("Solde : montant (€)"))).isEqualTo("6720,00");
    assertThat(convention.get(c.get("Solde : n° de mandat"))).isEqualTo(BALANCE_MANDATE);
    assertThat(convention.get(c.get("Solde : payé le"))).isEqualTo("16/12/2024");
    assertThat(convention.get(c.get("Total versé (€)"))).isEqualTo("33600,00");
    assertThat(new BigDecimal(convention.get(c.get("Avance : montant (€)")).replace(',', '.'))
        .add(new BigDecimal(convention.get(c.get("Solde : montant (€)")).replace(',', '.'))))
        .isEqualByComparingTo(new BigDecimal(convention.get(c.get("Total versé (€)")).replace(',', '.')));
    assertThat(convention.get(c.get("Titre de recette : montant (€)"))).isEmpty();
    assertThat(convention.get(c.get("Bilans attendus"))).isEqualTo("1");
    assertThat(convention.get(c.get("Bilans reçus"))).isEqualTo("1");
    assertThat(convention.get(c.get("Bilans approuvés"))).isEqualTo("1");
    assertThat(convention.get(c.get("Bilans : détail"))).contains("reçu le 15/12/2024").contains("approuvé");
    assertThat(convention.get(c.get("Indicateur MENAGES_ACCOMPAGNES"))).isEqualTo("12,00");

    // conventions, XLSX by ?format=
    ResponseEntity<byte[]> moneyXlsx = get("export.agent", "/api/exports/conventions?call=" + ended.call() + "&format=xlsx", null);
    assertThat(moneyXlsx.getHeaders().getContentType().toString()).startsWith(XLSX);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(moneyXlsx.getBody()))) {
      Sheet sheet = book.getSheetAt(0);
      Map<String, Integer> x = header(sheet.getRow(0));
      Row row = sheet.getRow(1);
      assertThat(BigDecimal.valueOf(row.getCell(x.get("Total versé (€)")).getNumericCellValue()).setScale(2))
          .isEqualByComparingTo("33600.00");
      assertThat(BigDecimal.valueOf(row.getCell(x.get("Avance : montant (€)")).getNumericCellValue()).setScale(2))
          .isEqualByComparingTo("26880.00");
      assertThat(row.getCell(x.get("Solde : payé le")).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.of(2024, 12, 16));
      assertThat(row.getCell(x.get("Bilans reçus")).getCellType()).isEqualTo(CellType.NUMERIC);
    }
  }

  @Test
  void exportsAreRefusedToWhoeverMayNotReadTheirDataAndFiltersAreChecked() throws Exception {
    clock("2023-03-20T09:00:00");
    String ref = "AAP-EXPD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    lifecycle.create(reader.read(ref + ".yaml", new ByteArrayInputStream(Dossiers.astreYaml(ref)
        .getBytes(StandardCharsets.UTF_8))), true);
    String dossiers = "/api/exports/dossiers?call=" + ref;
    String conventions = "/api/exports/conventions?call=" + ref;
    for (String user : List.of("export.finances", "export.etat", "export.jury", "export.porteur", "export.secretariat")) {
      ResponseEntity<byte[]> refused = get(user, dossiers, null);
      assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(new String(refused.getBody(), StandardCharsets.UTF_8)).contains("réservé aux agents");
    }
    for (String user : List.of("export.jury", "export.porteur", "export.secretariat")) {
      assertThat(get(user, conventions, null).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    // the State's finance service does not export a Département call, nor the Département's conventions
    ResponseEntity<byte[]> state = get("export.etat", conventions, "text/csv");
    assertThat(state.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(new String(state.getBody(), StandardCharsets.UTF_8)).contains("financé par le Département");
    assertThat(get("export.etat", "/api/exports/conventions?funder=DEPARTEMENT", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("export.finances", "/api/exports/conventions?funder=ETAT", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("export.etat", "/api/exports/conventions?funder=ETAT", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity(dossiers, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    // filters and formats checked before the first byte: French problems
    assertThat(problem("/api/exports/dossiers?state=PAYE")).contains("L'état « PAYE » n'existe pas");
    assertThat(problem("/api/exports/conventions?state=PAYE")).contains("Le statut de convention « PAYE » n'existe pas");
    assertThat(problem("/api/exports/dossiers?format=ods")).contains("Le format « ods » n'est pas proposé");
    assertThat(problem("/api/exports/dossiers?funder=REGION")).contains("Le financeur « REGION » n'existe pas");
    assertThat(problem("/api/exports/dossiers?year=23")).contains("quatre chiffres");
    ResponseEntity<byte[]> unknown = get("export.agent", "/api/exports/dossiers?call=AAP-INCONNU", null);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // an empty call: the header only, and the "tous-les-appels" file name without a call
    assertThat(parse(get("export.agent", dossiers, null).getBody())).hasSize(1);
    assertThat(get("export.agent", "/api/exports/dossiers?year=1990", null).getHeaders().getContentDisposition()
        .getFilename()).startsWith("dossiers_tous-les-appels_");
  }

  private String problem(String path) {
    ResponseEntity<byte[]> r = get("export.agent", path, null);
    assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    return new String(r.getBody(), StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- the call, to its end

  Ended aCallDrivenToTheBalanceOfItsGrantedDossier() throws Exception {
    String ref = "AAP-EXP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    clock("2023-03-20T09:00:00");
    CallForProjects call = lifecycle.create(reader.read(ref + ".yaml",
        new ByteArrayInputStream(Dossiers.astreYaml(ref).getBytes(StandardCharsets.UTF_8))), true);
    String juryA = call.getJury().get(0).getUserId();
    String juryB = call.getJury().get(1).getUserId();
    identity.ensureUser(juryA, "Sophie", "Dubois", "demo", Groups.JURY);
    identity.ensureUser(juryB, "Thomas", "Leroy", "demo", Groups.JURY);
    executeDueJobs(engine);
    ProcessInstance callPi = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallProcess.KEY)
        .processInstanceBusinessKey(ref).singleResult();

    clock("2023-04-10T10:00:00");
    executeDueJobs(engine);
    Application a1 = service.submit(ref, Dossiers.request(Dossiers.siret(), Dossiers.email(), true, List.of("ARTOIS")),
        Dossiers.AGENT).application();
    Application a2 = service.submit(ref, Dossiers.request(Dossiers.siret(), Dossiers.email(), true, List.of("CALL")),
        Dossiers.AGENT).application();
    complete(a1.getReference(), TASK_CHECK_COMPLETENESS, "camille.martin", Map.of("complete", "true"));
    complete(a1.getReference(), TASK_CHECK_ELIGIBILITY, "camille.martin", Map.of("eligible", "true"));
    complete(a2.getReference(), TASK_CHECK_COMPLETENESS, "julien.bernard", Map.of("complete", "false",
        "missingPieces", SpinValues.jsonValue("[\"LETTRE_CANDIDATURE\"]").create(), "missingReason", "INCORRECT"));

    clock("2023-06-01T00:00:00");
    executeDueJobs(engine);
    complete(ref, CallProcess.TASK_ORGANISE_JURY, "camille.martin", Map.of(
        CallProcess.VAR_JURY_SESSION_DATE, "2023-06-12T09:30:00+02:00",
        ProcessContract.VAR_OPINION_DEADLINE, "2023-06-30",
        ProcessContract.VAR_JURY_MEMBERS, Spin.JSON("[\"" + juryA + "\",\"" + juryB + "\"]")));
    opinion(a1, juryA, 5, 4, 3, 2);
    opinion(a1, juryB, 4, 4, 4, 4);

    ArrayNode proposals = (ArrayNode) json.readTree(engine.getRuntimeService()
        .getVariableTyped(ProcessTestSupport.current(engine, callPi).getId(), CallProcess.VAR_PROPOSALS).getValue().toString());
    JsonNode first = proposals.get(0);
    ((ObjectNode) first).put("granted", true).put("proposedAmount", new BigDecimal("33600.00")).put("proposedUnits", 16);
    complete(ref, CallProcess.TASK_SYNTHESIS, "camille.martin", Map.of(CallProcess.VAR_PROPOSALS, Spin.JSON(proposals.toString())));
    complete(ref, CallProcess.TASK_PREPARE_REPORT, "camille.martin", Map.of("assemblySessionDate", "2023-07-03", "reportSent", true));
    String number = "2098-" + System.nanoTime() % 100000;
    Map<String, Object> deliberation = new HashMap<>(Map.of("deliberationNumber", number,
        "deliberationDate", "2023-07-03", "votesFor", 43, "votesAgainst", 0, "votesAbstention", 0, "votesAbsent", 1));
    deliberation.put(CallProcess.VAR_DELIBERATION_ADOPTED, "true");
    complete(ref, CallProcess.TASK_RECORD_DELIBERATION, "isabelle.moreau", deliberation);

    ProcessInstance agreement = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(GrantAgreementProcess.KEY).processInstanceBusinessKey(a1.getReference()).singleResult();
    clock("2023-10-25T10:00:00");
    agreements.prepare(agreement, "33600", "16 mesures de 12 mois", "2023-07-03");
    agreements.sign(agreement, "2023-10-20", "2023-10-24");
    agreements.mandate(agreement, "Task_ValidateAdvanceMandate", "2023-10-25", ADVANCE_MANDATE);
    clock("2024-12-16T10:00:00");
    agreements.finalReport(agreement, "2024-12-15", true);
    agreements.serviceRendered(agreement, Map.of("MESURE_MOIS", 192, "DIAGNOSTIC", 0), "2024-12-16");
    agreements.mandate(agreement, "Task_ValidateBalanceMandate", "2024-12-16", BALANCE_MANDATE);
    return new Ended(ref, a1, a2, number, juryA, juryB);
  }

  private void opinion(Application a, String member, int... scores) {
    Task conflict = tasks.createTaskQuery().processInstanceBusinessKey(a.getReference()).taskAssignee(member)
        .taskDefinitionKey("Task_DeclareConflict").singleResult();
    tasks.complete(conflict.getId(), Map.of("conflictOfInterest", false));
    Task opinion = tasks.createTaskQuery().processInstanceBusinessKey(a.getReference()).taskAssignee(member)
        .taskDefinitionKey("Task_GiveOpinion").singleResult();
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < scores.length; i++) {
      vars.put("score" + (i + 1), scores[i]);
    }
    vars.put("avis", "FAVORABLE");
    vars.put("opinionComment", "Projet solide.");
    tasks.complete(opinion.getId(), vars);
    executeDueJobs(engine);
  }

  private void complete(String businessKey, String taskKey, String user, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    tasks.claim(task.getId(), user);
    tasks.complete(task.getId(), variables);
    executeDueJobs(engine);
  }

  // ---------------------------------------------------------------- reading the files back

  private ResponseEntity<byte[]> get(String user, String path, String accept) {
    HttpHeaders headers = new HttpHeaders();
    if (accept != null) {
      headers.set(HttpHeaders.ACCEPT, accept);
    }
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  static List<CSVRecord> parse(byte[] body) throws Exception {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try (CSVParser parser = CSVParser.parse(new StringReader(text),
        CSVFormat.Builder.create().setDelimiter(';').setQuote('"').get())) {
      return parser.getRecords();
    }
  }

  private static Map<String, Integer> header(CSVRecord header) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      columns.put(header.get(i), i);
    }
    return columns;
  }

  private static Map<String, Integer> header(Row header) {
    Map<String, Integer> columns = new HashMap<>();
    for (Cell cell : header) {
      columns.put(cell.getStringCellValue(), cell.getColumnIndex());
    }
    return columns;
  }

  private static CSVRecord row(List<CSVRecord> rows, Map<String, Integer> h, String column, String value) {
    return rows.stream().skip(1).filter(r -> r.get(h.get(column)).equals(value)).findFirst().orElseThrow();
  }

  private static Row sheetRow(Sheet sheet, Map<String, Integer> h, String column, String value) {
    for (int i = 1; i <= sheet.getLastRowNum(); i++) {
      Row r = sheet.getRow(i);
      if (r != null && value.equals(r.getCell(h.get(column)).getStringCellValue())) {
        return r;
      }
    }
    throw new AssertionError("no row " + value);
  }
}
