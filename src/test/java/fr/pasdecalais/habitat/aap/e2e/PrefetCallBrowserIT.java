package fr.pasdecalais.habitat.aap.e2e;

import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.pasdecalais.habitat.aap.application.Dossiers;
import fr.pasdecalais.habitat.aap.call.DecidingBody;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.decision.AwardDecision;
import fr.pasdecalais.habitat.aap.decision.AwardDecisionRepository;
import fr.pasdecalais.habitat.aap.support.CatalogueCalls;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A call of the State decided by the Préfet and selected without a jury, through Tasklist: the
 * agent publishes the recorded draft with the start form « Appel à publier »; a partner account
 * files for an organisation it does not act for, is refused, and an instructrice validates its
 * membership in the task « Valider le rattachement d'un compte partenaire »; the partner files;
 * the dossier is instructed; at the close the agents establish the selection proposal, prepare the
 * proposal sent to the Préfet, and the prefecture records the Préfet's decision. Each of these
 * forms first refuses one invalid value (French message, task still open). The effect is checked
 * through {@code /api}: dossier granted by the Préfet's decision, amount to the cent.
 */
@BrowserTest
@Order(3)
class PrefetCallBrowserIT {

  private static final String AGENT = "camille.martin";
  private static final String COLLEAGUE = "julien.bernard";
  private static final String PREFECTURE = "marc.delattre";
  private static final String PARTNER = "asso.habitat";
  private static final String PASSWORD = "demo";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired AwardDecisionRepository awards;

  @AfterAll
  static void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aStateCallDecidedByThePrefetFromItsPublicationToTheRecordedDecisionThroughTasklist(Browser browser) throws Exception {
    String call = "AMI-E2E-PREFET-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    String siret = Dossiers.siret();
    String organisation = "Toit Partagé " + siret.substring(9);

    browser.step("l'instructrice enregistre l'appel de l'État " + call + " en brouillon (API)", () -> {
      clock("2019-07-20T09:00:00");
      ResponseEntity<String> draft = send(AGENT, HttpMethod.POST, "/api/calls?publish=false", stateCall(call));
      assertThat(draft.getStatusCode().value()).as(draft.getBody()).isEqualTo(201);
      assertThat(api("/api/calls/" + call).get("status").asText()).isEqualTo("DRAFT");
    });

    browser.step("l'instructrice saisit une référence en minuscules dans « Appel à publier » : refusée, rien n'est démarré", () -> {
      browser.login("tasklist", AGENT);
      openStartForm(browser, "Appel à projets");
      Forms.opened("call-publish");
      browser.type("Référence de l'appel", call.toLowerCase(Locale.ROOT));
      long before = callInstances(call);
      clickStart(browser);
      browser.waiting().until(d -> browser.fieldErrors().contains("La valeur ne respecte pas le format attendu."));
      assertThat(callInstances(call)).isEqualTo(before);
      Forms.refused("call-publish");
    });
    browser.step("l'instructrice publie l'appel avec le formulaire de démarrage « Appel à publier »", () -> {
      browser.type("Référence de l'appel", call);
      clickStart(browser);
      browser.waiting().until(d -> callInstances(call) == 1);
      Forms.submitted("call-publish");
      executeDueJobs(engine);
    });
    assertThat(api("/api/calls/" + call).get("status").asText()).isIn("PUBLISHED", "OPEN");
    ProcessInstance callInstance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CallProcess.KEY).variableValueEquals("callReference", call).singleResult();
    assertThat(callInstance.getBusinessKey()).as("clé métier de l'appel publié depuis Tasklist").isEqualTo(call);

    browser.step("le compte partenaire dépose pour un organisme auquel il n'est pas rattaché : refusé, demande transmise", () -> {
      clock("2019-08-01T10:00:00");
      executeDueJobs(engine);
      ResponseEntity<String> refused = send(PARTNER, HttpMethod.POST, "/api/calls/" + call + "/applications", filing(siret, organisation));
      assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(403);
      assertThat(json.readTree(refused.getBody()).get("detail").asText()).contains("demande de rattachement a été transmise");
    });
    // the reason is required by the server only: a form-js « required » error left on the reason once hidden (the
    // agent then chooses « Accepter ») kept Tasklist's « Terminer » disabled until the page was reloaded
    browser.step("l'instructeur refuse le rattachement sans motif : le motif est exigé en français, la tâche reste ouverte", () -> {
      browser.login("tasklist", COLLEAGUE);
      browser.openTask(membershipTask(siret));
      assertThat(browser.pageText()).contains(organisation, siret, PARTNER, call);
      browser.choose("Décision", "Refuser le rattachement");
      assertThat(browser.shown("Motif du refus")).isTrue();
      browser.completeRefused("« Motif du refus » est obligatoire.");
    });
    browser.step("l'instructeur accepte le rattachement du compte partenaire", () -> {
      browser.closeNotifications();
      browser.choose("Décision", "Accepter : le compte agit pour cet organisme");
      assertThat(browser.shown("Motif du refus")).isFalse();
      browser.complete();
      executeDueJobs(engine);
    });
    JsonNode members = api("/api/organizations/" + siret + "/members");
    assertThat(members).hasSize(1);
    assertThat(members.get(0).get("userId").asText()).isEqualTo(PARTNER);
    assertThat(members.get(0).get("grantedBy").asText()).isEqualTo(COLLEAGUE);

    String[] dossierRef = new String[1];
    browser.step("le compte partenaire rattaché dépose son dossier (42 000,00 €, 8 mesures)", () -> {
      ResponseEntity<String> filed = send(PARTNER, HttpMethod.POST, "/api/calls/" + call + "/applications", filing(siret, organisation));
      assertThat(filed.getStatusCode().value()).as(filed.getBody()).isEqualTo(201);
      dossierRef[0] = json.readTree(filed.getBody()).get("reference").asText();
      executeDueJobs(engine);
    });
    String dossier = dossierRef[0];
    browser.step("l'instructrice déclare le dossier complet puis éligible", () -> {
      browser.login("tasklist", AGENT);
      browser.openTask(task(dossier, "Task_CheckCompleteness"));
      browser.choose("Le dossier est-il complet ?", "Complet");
      browser.complete();
      executeDueJobs(engine);
      browser.openTask(task(dossier, "Task_CheckEligibility"));
      browser.choose("Décision d'éligibilité", "Éligible");
      if (browser.shown("Motif")) {
        browser.type("Motif", "Organisme gestionnaire AML, territoire Lens-Hénin conforme.");
      }
      browser.complete();
      executeDueJobs(engine);
    });
    assertThat(api("/api/applications/" + dossier).get("state").asText()).isEqualTo("ELIGIBLE");

    browser.step("le dépôt est clos : l'instructrice propose plus que le montant demandé, refusé en français", () -> {
      clock("2019-09-10T10:00:00");
      executeDueJobs(engine);
      browser.openTask(task(call, "Task_ProposeSelection"));
      assertThat(browser.values("Dossier")).containsExactly(dossier);
      browser.tickIfNot("Retenu");
      browser.type("Montant proposé (€)", "50000");
      browser.type("Unités proposées", "10");
      browser.completeRefused("« Dossier " + dossier + " : Montant proposé (€) » doit être compris entre 0 et 42 000 (50 000 saisi).");
    });
    browser.step("l'instructrice établit la proposition de sélection : 40 000,00 € pour 8 mesures", () -> {
      browser.closeNotifications();
      browser.type("Montant proposé (€)", "40000");
      browser.type("Unités proposées", "8");
      browser.complete();
      executeDueJobs(engine);
    });
    browser.step("l'instructrice date la transmission au Préfet du lendemain : refusé, la tâche reste ouverte", () -> {
      browser.openTask(task(call, "Task_PreparePrefectProposal"));
      assertThat(browser.pageText()).contains("Décision : Préfet");
      browser.date("Date de transmission de la proposition", LocalDate.of(2019, 9, 11));
      browser.type("Observations de la proposition", "Un dossier proposé : 40 000,00 € pour 8 mesures AML.");
      browser.tickIfNot("La proposition de décision est transmise au Préfet");
      browser.completeRefused("(11/09/2019) ne peut pas être dans le futur.");
    });
    browser.step("l'instructrice transmet la proposition de décision au Préfet", () -> {
      browser.closeNotifications();
      browser.date("Date de transmission de la proposition", LocalDate.of(2019, 9, 10));
      browser.complete();
      executeDueJobs(engine);
    });

    String decisionReference = "arrêté préfectoral n° DDETS-62-2019-" + (100 + (int) (System.nanoTime() % 800 + 800) % 800);
    browser.step("la préfecture saisit une référence de plus de 100 caractères : refusée, la tâche reste ouverte", () -> {
      clock("2019-09-13T10:00:00");
      browser.login("tasklist", PREFECTURE);
      browser.openTask(task(call, "Task_RecordPrefectDecision"));
      browser.type("Référence de la décision", "arrêté préfectoral n° " + "DDETS-62-".repeat(10));
      browser.date("Date de la décision du Préfet", LocalDate.of(2019, 9, 12));
      browser.choose("Décision", "Signée : les attributions sont décidées");
      browser.completeRefused("Saisissez au plus 100 caractères.");
    });
    browser.step("la préfecture enregistre la décision du Préfet signée", () -> {
      browser.type("Référence de la décision", decisionReference);
      browser.complete();
      executeDueJobs(engine);
    });

    JsonNode granted = api("/api/applications/" + dossier);
    assertThat(granted.get("state").asText()).isEqualTo("GRANTED");
    assertThat(granted.get("decision").get("granted").asBoolean()).isTrue();
    assertThat(granted.get("decision").get("label").asText())
        .contains("décision du Préfet réf. " + decisionReference + " du 12/09/2019");
    AwardDecision award = awards.findById(granted.get("decision").get("awardDecisionId").asLong()).orElseThrow();
    assertThat(award.getDecidingBody()).isEqualTo(DecidingBody.PREFET);
    assertThat(award.getAmount()).isEqualByComparingTo("40000.00");
    assertThat(award.getAmount().scale()).isEqualTo(2);
    assertThat(api("/api/calls/" + call).get("decidingBody").asText()).isEqualTo("PREFET");
  }

  // ---------------------------------------------------------------- Tasklist's start dialog

  private void openStartForm(Browser browser, String processName) {
    browser.get("/camunda/app/tasklist/default/#/");
    WebElement start = browser.waiting().until(d -> d.findElements(By.cssSelector("a, button")).stream()
        .filter(e -> e.isDisplayed() && e.getText().trim().equals("Démarrer un processus")).findFirst().orElse(null));
    start.click();
    browser.chooseInStartDialog(name -> name.equals(Browser.normalise(processName)));
  }

  private void clickStart(Browser browser) {
    WebElement submit = browser.driver().findElements(By.cssSelector(".modal-footer button, .modal button")).stream()
        .filter(b -> b.isDisplayed() && b.getText().trim().equals("Démarrer")).findFirst()
        .orElseThrow(() -> new AssertionError("Bouton « Démarrer » absent"));
    browser.clickOn(submit);
  }

  private long callInstances(String call) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(CallProcess.KEY)
        .variableValueEquals("callReference", call).count();
  }

  // ---------------------------------------------------------------- data and reading

  /** The State's AML file of the catalogue, decided by the Préfet, selected without a jury, on one lot. */
  private String stateCall(String reference) throws Exception {
    ObjectNode call = (ObjectNode) YAML.readTree(CatalogueCalls.yaml("ami-2019-aml-logement-dabord", reference, c -> {
      c.put("decidingBody", "PREFET");
      c.put("selectionMode", "WITHOUT_JURY");
      c.remove("jury");
      ArrayNode lots = (ArrayNode) c.get("lots");
      lots.remove(0); // Lens-Hénin only
    }));
    return json.writeValueAsString(call);
  }

  private Map<String, Object> filing(String siret, String name) {
    Map<String, Object> org = new LinkedHashMap<>(Map.of("siret", siret, "name", name,
        "legalForm", "Association loi 1901", "holderType", Dossiers.HOLDER_TYPE, "approvals", List.of("Agrément AML au titre du FSL"),
        "street", "3 rue Victor Hugo", "postalCode", "62300", "city", "Lens", "email", Dossiers.email(),
        "legalRepresentative", "Nadine Carpentier"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("organization", org);
    body.put("lotCode", "LENS_HENIN");
    body.put("territories", List.of("LENS_HENIN", "CALL"));
    body.put("requestedAmount", "42000.00");
    body.put("requestedUnits", 8);
    body.put("summary", "Huit mesures d'aide à la médiation locative en bail glissant sur Lens-Hénin.");
    return body;
  }

  private Task membershipTask(String siret) {
    List<Task> found = engine.getTaskService().createTaskQuery().processDefinitionKey("organization-membership")
        .processVariableValueEquals("siret", siret).list();
    assertThat(found).as("tâche de rattachement du SIRET " + siret).hasSize(1);
    return found.get(0);
  }

  private Task task(String businessKey, String taskKey) {
    List<Task> found = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).list();
    assertThat(found).as("tâche " + taskKey + " de " + businessKey).hasSize(1);
    return found.get(0);
  }

  private ResponseEntity<String> send(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private JsonNode api(String path) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth(AGENT, PASSWORD).getForEntity(path, String.class);
    assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " : " + response.getBody()).isTrue();
    return json.readTree(response.getBody());
  }
}
