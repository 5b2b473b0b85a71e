package fr.pasdecalais.habitat.aap.e2e;

import static fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess.TASK_VALIDATE_ADVANCE;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.agreement.AgreementScenarios;
import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Conventions after their signature, through Tasklist, each step by its real demo user filling the
 * rendered form: an interim report received, an avenant asked for with the start form « Agir sur
 * une convention en vigueur » and approved, a final report late handled by the supervisor, a
 * résiliation whose justified expenses leave money to reclaim, and the titre de recette collected
 * by the finance officer with the start form « Enregistrer un encaissement ». The conventions are
 * signed engine-side (only the forms of this story are filled in the browser); each form with
 * limits first refuses one invalid value in the page (French message, task still open); each effect
 * is checked through {@code /api}, to the cent.
 */
@BrowserTest
@Order(4)
class AgreementLifeBrowserIT {

  private static final String AGENT = "camille.martin";
  private static final String SUPERVISOR = "claire.fontaine";
  private static final String FINANCE = "laurent.petit";

  @Autowired ProcessEngine engine;
  @Autowired AgreementScenarios scenario;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  @BeforeEach
  void initEngine() {
    ProcessTestSupport.init(engine);
  }

  @AfterAll
  static void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anInterimReportATerminationAndTheTitreDeRecetteCollectedThroughTasklist(Browser browser) throws Exception {
    ProcessInstance[] signed = new ProcessInstance[1];
    browser.step("une convention « Coordinateurs Logement d'abord » (55 000,00 €, 1 ETP) est signée, l'avance de 60 % versée", () -> {
      clock("2023-01-10T10:00:00");
      String call = scenario.call("coordinateurs");
      Application a = scenario.application(call, "UNIQUE", "LENS_HENIN", new BigDecimal("55000.00"),
          Instant.parse("2023-01-10T08:00:00Z"));
      clock("2023-03-20T10:00:00");
      ProcessInstance pi = scenario.start(a, new BigDecimal("55000.00"), 1);
      scenario.prepare(pi, "55000", "1 ETP", "2023-03-06");
      scenario.sign(pi, "2023-03-14", "2023-03-16");
      scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-03-20", "M-E2E-C" + pi.getId());
      signed[0] = pi;
    });
    String dossier = signed[0].getBusinessKey();
    JsonNode agreement = api("/api/applications/" + dossier + "/agreement");
    assertThat(agreement.get("status").asText()).isEqualTo("SIGNED");
    assertThat(agreement.get("paid").decimalValue()).isEqualByComparingTo("33000.00");
    String number = agreement.get("number").asText();
    JsonNode interim = reports(dossier).stream().filter(r -> r.get("kind").asText().equals("INTERIM")).findFirst().orElseThrow();
    LocalDate due = LocalDate.parse(interim.get("dueOn").asText());

    browser.step("le bilan à 3 mois est attendu : l'instructrice le date du lendemain, le serveur refuse en français", () -> {
      clock(due.atTime(10, 0).toString());
      executeDueJobs(engine);
      browser.login("tasklist", AGENT);
      browser.openTask(task(dossier, GrantAgreementProcess.TASK_RECEIVE_INTERIM));
      // dates are French whatever the browser's language (form-js follows it: mm/dd/yyyy in English)
      assertThat(browser.placeholder("Date de réception du bilan")).isEqualTo("dd/mm/yyyy");
      browser.date("Date de réception du bilan", due.plusDays(1));
      browser.type("Synthèse du bilan", "Trois ménages accompagnés vers un logement pérenne, une situation difficile.");
      browser.completeRefused("ne peut pas être dans le futur");
    });
    browser.step("l'instructrice réceptionne le bilan intermédiaire du jour", () -> {
      browser.closeNotifications();
      browser.date("Date de réception du bilan", due);
      assertThat(browser.value("Date de réception du bilan")).isEqualTo(
          String.format("%02d/%02d/%04d", due.getDayOfMonth(), due.getMonthValue(), due.getYear()));
      browser.complete();
      executeDueJobs(engine);
    });
    JsonNode received = reports(dossier).stream().filter(r -> r.get("id").asLong() == interim.get("id").asLong())
        .findFirst().orElseThrow();
    assertThat(received.get("status").asText()).isEqualTo("RECEIVED");
    assertThat(received.get("receivedOn").asText()).isEqualTo(due.toString());

    browser.step("l'instructrice saisit un numéro de convention mal formé : refusé dans la page, rien n'est démarré", () -> {
      clock(due.plusMonths(1).atTime(10, 0).toString());
      browser.openStartForm("Agir sur une convention en vigueur", "agreement-action");
      browser.choose("Action", "Résilier la convention");
      browser.type("Motif", "L'opérateur a cessé son activité de coordination.");
      browser.type("Numéro de la convention", "12345");
      browser.startRefused("agreement-action", "La valeur ne respecte pas le format attendu.");
    });
    browser.step("l'instructrice résilie la convention " + number, () -> {
      browser.type("Numéro de la convention", number);
      browser.start("agreement-action");
      executeDueJobs(engine);
    });
    browser.step("l'instructrice arrête des dépenses au-delà de la convention : le serveur refuse en français", () -> {
      browser.openTask(task(dossier, GrantAgreementProcess.TASK_STATE_EXPENSES));
      // a résiliation decided by the Département, without a mise en demeure: the form says so (it once read
      // « Mise en demeure du  restée sans effet pendant deux mois », with no date)
      assertThat(browser.pageText()).contains("Résiliation décidée par le Département").doesNotContain("Mise en demeure du");
      browser.type("Observations", "Quatre mois de coordination justifiés par les fiches de temps.");
      browser.type("Dépenses justifiées", "60000");
      browser.completeRefused("doit être compris entre 0 et 55 000 (60 000 saisi)");
    });
    browser.step("l'instructrice arrête les dépenses justifiées à 20 000,00 €", () -> {
      browser.closeNotifications();
      browser.type("Dépenses justifiées", "20000");
      browser.complete();
      executeDueJobs(engine);
    });
    JsonNode terminated = api("/api/applications/" + dossier + "/agreement");
    assertThat(terminated.get("status").asText()).isEqualTo("TERMINATED");
    JsonNode recovery = StreamSupport.stream(terminated.get("payments").spliterator(), false)
        .filter(p -> p.get("kind").asText().equals("RECOVERY")).findFirst().orElseThrow();
    assertThat(recovery.get("amount").decimalValue()).as("avance 33 000,00 − dépenses 20 000,00").isEqualByComparingTo("13000.00");
    assertThat(terminated.get("toRecover").decimalValue()).isEqualByComparingTo("13000.00");
    String titre = recovery.get("orderNumber").asText();

    browser.step("le service financier saisit un encaissement au-delà du titre " + titre + " : refusé en français, rien n'est enregistré", () -> {
      browser.login("tasklist", FINANCE);
      browser.openStartForm("Enregistrer un encaissement", "payment-collection");
      browser.type("Numéro du titre de recette", titre);
      browser.type("Montant encaissé", "13000.01");
      browser.date("Encaissé le", due.plusMonths(1));
      browser.type("Référence de l'encaissement", "Q-E2E-" + signed[0].getId());
      browser.startRefused("payment-collection", "dépasse ce qui reste à recouvrer");
      assertThat(browser.pageText()).doesNotContain("{\"", "Cannot instantiate");
    });
    browser.step("le service financier enregistre l'encaissement de 13 000,00 €", () -> {
      browser.closeNotifications();
      browser.type("Montant encaissé", "13000");
      browser.start("payment-collection");
      executeDueJobs(engine);
    });
    JsonNode collected = api("/api/applications/" + dossier + "/agreement");
    assertThat(collected.get("recovered").decimalValue()).isEqualByComparingTo("13000.00");
    assertThat(collected.get("toRecover").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(StreamSupport.stream(collected.get("payments").spliterator(), false)
        .filter(p -> p.get("kind").asText().equals("RECOVERY")).findFirst().orElseThrow().get("status").asText())
        .isEqualTo("PAID");
  }

  @Test
  void anAvenantAskedAndApprovedThenALateFinalReportHandledByTheSupervisorThroughTasklist(Browser browser) throws Exception {
    ProcessInstance[] signed = new ProcessInstance[1];
    browser.step("une convention ASTRE (42 000,00 €) est signée, l'avance de 80 % versée", () -> {
      clock("2023-05-10T10:00:00");
      String call = scenario.call("astre");
      Application a = scenario.application(call, "UNIQUE", "PAS_DE_CALAIS", new BigDecimal("42000.00"),
          Instant.parse("2023-05-10T08:00:00Z"));
      clock("2023-10-25T10:00:00");
      ProcessInstance pi = scenario.start(a);
      scenario.prepare(pi, "42000", "20 mesures d'accompagnement de 12 mois", "2023-10-02");
      scenario.sign(pi, "2023-10-20", "2023-10-24");
      scenario.mandate(pi, TASK_VALIDATE_ADVANCE, "2023-10-25", "M-E2E-A" + pi.getId());
      signed[0] = pi;
    });
    String dossier = signed[0].getBusinessKey();
    String number = api("/api/applications/" + dossier + "/agreement").get("number").asText();

    browser.step("l'instructrice demande un avenant avec le formulaire « Agir sur une convention en vigueur »", () -> {
      clock("2024-03-01T10:00:00");
      browser.login("tasklist", AGENT);
      browser.openStartForm("Agir sur une convention en vigueur", "agreement-action");
      browser.type("Numéro de la convention", number);
      browser.choose("Action", "Demander un avenant");
      browser.type("Motif", "Prolongation de deux mois et quatre mesures de plus.");
      browser.start("agreement-action");
      executeDueJobs(engine);
    });
    browser.step("l'instructrice approuve l'avenant sans rien modifier : le serveur refuse en français", () -> {
      browser.openTask(task(dossier, GrantAgreementProcess.TASK_REVIEW_AMENDMENT));
      browser.choose("Décision", "Avenant approuvé");
      browser.type("Motivation de la décision", "Quatre ménages de plus à accompagner.");
      browser.completeRefused("un avenant approuvé modifie le montant ou la date de fin.");
    });
    browser.step("l'instructrice approuve l'avenant : 50 400,00 € jusqu'au 31/12/2024", () -> {
      browser.closeNotifications();
      browser.type("Nouveau montant de la convention", "50400");
      browser.date("Nouvelle date de fin de la convention", LocalDate.of(2024, 12, 31));
      browser.complete();
      executeDueJobs(engine);
    });
    JsonNode amended = api("/api/applications/" + dossier + "/agreement");
    assertThat(amended.get("amount").decimalValue()).isEqualByComparingTo("50400.00");
    assertThat(amended.get("periodEnd").asText()).isEqualTo("2024-12-31");
    JsonNode amendment = amended.get("amendments").get(0);
    assertThat(amendment.get("status").asText()).isEqualTo("APPROVED");
    assertThat(amendment.get("previousAmount").decimalValue()).isEqualByComparingTo("42000.00");
    assertThat(amendment.get("newAmount").decimalValue()).isEqualByComparingTo("50400.00");
    JsonNode finalReport = reports(dossier).stream().filter(r -> r.get("kind").asText().equals("FINAL")).findFirst().orElseThrow();
    LocalDate finalDue = LocalDate.parse(finalReport.get("dueOn").asText());
    assertThat(finalDue).as("six mois après la nouvelle fin").isEqualTo("2025-06-30");

    browser.step("le bilan final n'est pas arrivé à l'échéance : la superviseure traite le retard sans commentaire, refusé", () -> {
      clock(finalDue.plusDays(2).atTime(10, 0).toString());
      executeDueJobs(engine);
      browser.login("tasklist", SUPERVISOR);
      browser.openTask(task(dossier, GrantAgreementProcess.TASK_HANDLE_LATE_FINAL));
      browser.choose("Suite donnée", "Relance écrite du Président");
      browser.completeRefused("Ce champ est obligatoire.");
    });
    browser.step("la superviseure décide une relance écrite du Président", () -> {
      browser.type("Commentaire", "Courrier de relance signé du Président, réponse attendue sous quinze jours.");
      browser.complete();
      executeDueJobs(engine);
    });
    JsonNode late = reports(dossier).stream().filter(r -> r.get("kind").asText().equals("FINAL")).findFirst().orElseThrow();
    assertThat(late.get("late").asBoolean()).isTrue();
    assertThat(late.get("status").asText()).isEqualTo("EXPECTED");
    assertThat(api("/api/applications/" + dossier + "/agreement").get("status").asText()).isEqualTo("SIGNED");
  }

  private List<JsonNode> reports(String dossier) throws Exception {
    return StreamSupport.stream(api("/api/applications/" + dossier + "/agreement/reports").spliterator(), false).toList();
  }

  private Task task(String businessKey, String taskKey) {
    List<Task> found = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).list();
    assertThat(found).as("tâche " + taskKey + " de " + businessKey).hasSize(1);
    return found.get(0);
  }

  private JsonNode api(String path) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth(AGENT, "demo").getForEntity(path, String.class);
    assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " : " + response.getBody()).isTrue();
    return json.readTree(response.getBody());
  }
}
