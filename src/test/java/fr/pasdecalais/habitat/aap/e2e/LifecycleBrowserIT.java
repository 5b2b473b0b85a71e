package fr.pasdecalais.habitat.aap.e2e;

import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallLifecycle;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * A lifecycle through Tasklist, each step by its real demo user filling the rendered form:
 * a postal dossier recorded with the start form, completeness (one regularisation, then complete),
 * eligibility, the jury session, each juror's declaration and opinion, the synthesis, the report to
 * the assembly, the deliberation, the convention and its signatures, the advance mandate, the final
 * report, the service fait, the balance mandate and the call's final review; each effect checked through {@code /api}, to the
 * cent. The engine clock is moved by the test (the call's closing, the report's date) and the due
 * jobs run from here.
 */
@BrowserTest
@Order(1)
class LifecycleBrowserIT {

  private static final String AGENT = "camille.martin";
  private static final String SECRETARIAT = "isabelle.moreau";
  private static final String FINANCE = "laurent.petit";

  @Autowired ProcessEngine engine;
  @Autowired CallLifecycle lifecycle;
  @Autowired CallDefinitionReader reader;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  @AfterAll
  static void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aPostalDossierFromItsRecordingToItsBalanceThroughTasklist(Browser browser) throws Exception {
    String call = "AAP-E2E-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    browser.step("l'appel " + call + " est publié (fichier ASTRE 2023), dépôt ouvert", () -> {
      clock("2023-03-20T09:00:00");
      lifecycle.create(reader.read(call + ".yaml", new ByteArrayInputStream(astre(call).getBytes(StandardCharsets.UTF_8))), true);
      executeDueJobs(engine);
      clock("2023-04-10T10:00:00");
      executeDueJobs(engine);
    });

    browser.step("l'instructrice enregistre un dossier postal avec le formulaire de démarrage (un SIRET de 13 chiffres refusé dans la page)", () -> {
      browser.login("tasklist", AGENT);
      browser.openStartForm("Candidature à un appel à projets", "start-application");
      {
        browser.type("Référence de l'appel", call);
        browser.type("Code du lot", "UNIQUE");
        browser.date("Date de réception", LocalDate.of(2023, 4, 7));
        browser.time("Heure de réception", "14:30");
        browser.type("SIRET", "9001234560000");
        browser.type("Raison sociale", "Habitat Solidaire Côte d'Opale");
        browser.type("Forme juridique", "Association loi 1901");
        browser.type("Type de porteur", "Organisme agréé au titre de l'ingénierie sociale, financière et technique, justifiant de compétences techniques liées à l'habitat");
        browser.select("Catégorie de porteur", "Organisme agréé (association agréée comprise)");
        browser.type("Agréments détenus", "Agrément ingénierie sociale, financière et technique (L.365-1 CCH)");
        browser.type("Adresse", "1 place de la Mairie");
        browser.type("Code postal", "62200");
        browser.type("Commune", "Boulogne-sur-Mer");
        browser.type("Adresse électronique", "contact@habitat-solidaire.exemple.fr");
        browser.type("Représentant légal", "Martine Caron");
        browser.type("Territoires d'intervention", "PAS_DE_CALAIS");
        browser.type("Montant demandé", "42000");
        browser.type("Nombre d'unités demandées", "20");
        browser.type("Présentation du projet", "Accompagnement social de 20 ménages propriétaires occupants pendant leurs travaux.");
      }
      browser.startRefused("start-application", "La valeur ne respecte pas le format attendu.");
      browser.type("SIRET", "90012345600007");
      browser.start("start-application");
      executeDueJobs(engine);
    });
    String dossier = call + "-0001";
    assertThat(api("/api/applications/" + dossier).get("state").asText()).isEqualTo("RECEIVED");

    browser.step("l'instructrice demande une régularisation (budget manquant)", () -> {
      browser.openTask(task(dossier, "Task_CheckCompleteness"));
      browser.choose("Le dossier est-il complet ?", "Incomplet : demander une régularisation");
      // no piece ticked: the server refuses in French, the task stays open (the form no longer holds a
      // « required » error on a field that the choice can hide, which kept « Terminer » disabled)
      browser.completeRefused("cochez au moins une pièce.");
      browser.closeNotifications();
      browser.checkContaining("Pièces manquantes ou à remplacer", "Budget prévisionnel");
      browser.select("Motif", "Pièce manquante");
      browser.type("Commentaire pour le porteur", "Le budget prévisionnel n'est pas joint.");
      browser.complete();
      executeDueJobs(engine);
    });
    browser.step("l'instructrice enregistre les pièces reçues", () -> {
      browser.openTask(task(dossier, "Task_AwaitPieces"));
      browser.completeRefused("Ce champ est obligatoire.");
      browser.type("Pièces reçues", "Budget prévisionnel reçu par courrier le 12/04/2023.");
      browser.complete();
      executeDueJobs(engine);
    });
    browser.step("l'instructrice déclare le dossier complet", () -> {
      browser.openTask(task(dossier, "Task_CheckCompleteness"));
      browser.choose("Le dossier est-il complet ?", "Complet");
      browser.complete();
      executeDueJobs(engine);
    });
    browser.step("l'instructrice déclare le dossier éligible", () -> {
      browser.openTask(task(dossier, "Task_CheckEligibility"));
      // « Inéligible » without a reason: the server refuses in French, then she goes back to « Éligible »
      browser.choose("Décision d'éligibilité", "Inéligible");
      browser.completeRefused("« Motif » est obligatoire.");
      browser.closeNotifications();
      browser.choose("Décision d'éligibilité", "Éligible");
      if (browser.shown("Motif")) {
        browser.type("Motif", "Porteur agréé, territoire et montant conformes.");
      }
      browser.complete();
      executeDueJobs(engine);
    });
    assertThat(api("/api/applications/" + dossier).get("state").asText()).isEqualTo("ELIGIBLE");

    browser.step("le dépôt est clos : l'instructrice organise la séance du jury", () -> {
      clock("2023-06-01T09:00:00");
      executeDueJobs(engine);
      browser.openTask(task(call, "Task_OrganiseJurySession"));
      browser.date("Date de la séance", LocalDate.of(2023, 6, 12));
      browser.time("Heure", "09:30");
      browser.date("Date limite des avis", LocalDate.of(2023, 5, 30));
      browser.checkContaining("Membres du jury", "Sophie Dubois", "Thomas Leroy");
      browser.completeRefused("(30/05/2023) est passée");
      browser.closeNotifications();
      browser.date("Date limite des avis", LocalDate.of(2023, 6, 30));
      browser.complete();
      executeDueJobs(engine);
    });

    for (String juror : List.of("sophie.dubois", "thomas.leroy")) {
      boolean first = juror.equals("sophie.dubois");
      browser.step(juror + " déclare n'avoir aucun conflit d'intérêts", () -> {
        browser.login("tasklist", juror);
        browser.openTask(jurorTask(dossier, juror, "Task_DeclareConflict"));
        if (first) {
          // a conflict ticked without its nature: refused by the server; unticked, the form can be sent
          browser.tick("Je déclare un conflit d'intérêts sur ce dossier");
          browser.completeRefused("« Nature du conflit d'intérêts » est obligatoire.");
          browser.closeNotifications();
          browser.tick("Je déclare un conflit d'intérêts sur ce dossier");
        }
        browser.complete();
        executeDueJobs(engine);
      });
      if (first) {
        browser.step(juror + " note 9 sur une échelle de 0 à 5 : refusé dans la page, la tâche reste ouverte", () -> {
          browser.openTask(jurorTask(dossier, juror, "Task_GiveOpinion"));
          browser.type("Inscription dans le réseau territorial", "9");
          browser.type("Expérience dans l'accompagnement proposé", "4");
          browser.type("Accompagnement concerté du ménage", "3");
          browser.type("Caractère innovant", "2");
          browser.choose("Avis", "Favorable");
          browser.type("Commentaire", "Projet solide, bien inscrit dans le réseau local.");
          // the form carries the criterion's scale: the page refuses the 9 itself, under the field, before any request
          browser.completeRefused("La valeur doit être au plus 5.");
          assertThat(browser.fieldErrors()).contains("La valeur doit être au plus 5.");
        });
      }
      browser.step(juror + " donne ses notes et son avis", () -> {
        // the first juror reloads the page after the refusal of her 9 and fills the form again
        browser.driver().navigate().refresh();
        browser.openTask(jurorTask(dossier, juror, "Task_GiveOpinion"));
        String[] scores = first ? new String[] {"5", "4", "3", "2"} : new String[] {"4", "4", "4", "4"};
        browser.type("Inscription dans le réseau territorial", scores[0]);
        browser.type("Expérience dans l'accompagnement proposé", scores[1]);
        browser.type("Accompagnement concerté du ménage", scores[2]);
        browser.type("Caractère innovant", scores[3]);
        browser.choose("Avis", "Favorable");
        browser.type("Commentaire", "Projet solide, bien inscrit dans le réseau local.");
        browser.complete();
        executeDueJobs(engine);
      });
    }
    assertThat(api("/api/applications/" + dossier).get("weightedScore").decimalValue()).isEqualByComparingTo("76.00");

    browser.step("l'instructrice établit la synthèse du jury : 33 600,00 € pour 16 mesures", () -> {
      browser.login("tasklist", AGENT);
      browser.openTask(task(call, "Task_JurySynthesis"));
      browser.select("Recommandation du jury", "Favorable");
      browser.tickIfNot("Retenu");
      browser.type("Montant proposé", "-1");
      browser.completeRefused("La valeur doit être au moins 0.");
      browser.type("Montant proposé", "33600");
      browser.type("Unités proposées", "16");
      browser.complete();
      executeDueJobs(engine);
    });
    browser.step("l'instructrice prépare le rapport à l'assemblée", () -> {
      browser.openTask(task(call, "Task_PrepareAssemblyReport"));
      browser.date("Date de la séance", LocalDate.of(2023, 7, 3));
      // 4 001 characters pasted at once (typed one by one, form-js re-renders at each key: two minutes)
      browser.paste("Observations du rapport", "x".repeat(4001));
      browser.completeRefused("Saisissez au plus 4000 caractères.");
      // typed as a person does (the field's error is re-checked at each key; a paste leaves it until the next key)
      browser.type("Observations du rapport", "Un dossier proposé, avis favorable unanime du jury.");
      browser.tickIfNot("Le rapport est transmis au secrétariat de l'assemblée");
      browser.complete();
      executeDueJobs(engine);
    });
    String deliberationNumber = "2023-" + (10000 + (int) (System.nanoTime() % 89999 + 89999) % 89999);
    browser.step("le secrétariat saisit un numéro de délibération mal formé : refusé en français, la tâche reste ouverte", () -> {
      clock("2023-07-03T17:00:00");
      browser.login("tasklist", SECRETARIAT);
      browser.openTask(task(call, "Task_RecordDeliberation"));
      browser.type("Numéro de la délibération", "DELIB-12");
      browser.completeRefused("La valeur ne respecte pas le format attendu.");
    });
    browser.step("le secrétariat date la délibération du lendemain : le serveur refuse, Tasklist n'affiche que la phrase française", () -> {
      browser.type("Numéro de la délibération", deliberationNumber);
      browser.date("Date de la décision", LocalDate.of(2023, 7, 4));
      browser.type("Votes pour", "43");
      browser.type("Votes contre", "0");
      browser.type("Abstentions", "0");
      browser.type("Absents", "1");
      browser.choose("Décision", "Adoptée");
      browser.completeRefused("« Date » (04/07/2023) ne peut pas être dans le futur.");
      assertThat(browser.pageText()).doesNotContain("{\"", "about:blank", "\"status\"");
    });
    browser.step("le secrétariat enregistre la délibération " + deliberationNumber + " adoptée", () -> {
      browser.closeNotifications();
      browser.date("Date de la décision", LocalDate.of(2023, 7, 3));
      browser.complete();
      executeDueJobs(engine);
    });
    assertThat(api("/api/applications/" + dossier).get("state").asText()).isEqualTo("GRANTED");

    browser.step("l'instructrice prépare la convention (33 600,00 €, 16 mesures de 12 mois)", () -> {
      clock("2023-10-25T10:00:00");
      browser.login("tasklist", AGENT);
      browser.openTask(task(dossier, "Task_PrepareAgreement"));
      // the amount the deliberation granted is pre-filled: she checks it and keeps it
      String granted = browser.value("Montant accordé par la décision");
      if (granted.isBlank() || new BigDecimal(granted.replace(',', '.')).compareTo(new BigDecimal("33600")) != 0) {
        browser.type("Montant accordé par la décision", "33600");
      }
      if (browser.shown("Volume retenu")) {
        browser.type("Volume retenu", "16 mesures de 12 mois");
      }
      browser.dateIfEmpty("Date de la décision d'attribution", LocalDate.of(2023, 7, 3));
      browser.dateIfEmpty("Début de la convention", LocalDate.of(2023, 7, 3));
      browser.dateIfEmpty("Fin de la convention", LocalDate.of(2024, 7, 2));
      browser.tickIfNot("J'ai vérifié les modalités de versement");
      browser.complete();
      executeDueJobs(engine);
    });
    browser.step("l'instructrice enregistre les signatures de la convention", () -> {
      browser.openTask(task(dossier, "Task_RecordSignatures"));
      browser.date("Date de signature par l'opérateur", LocalDate.of(2023, 10, 20));
      browser.date("Date de signature pour le financeur", LocalDate.of(2023, 10, 26));
      browser.completeRefused("ne peut pas être dans le futur.");
      browser.closeNotifications();
      browser.date("Date de signature pour le financeur", LocalDate.of(2023, 10, 24));
      browser.complete();
      executeDueJobs(engine);
    });
    JsonNode agreement = api("/api/applications/" + dossier + "/agreement");
    assertThat(agreement.get("amount").decimalValue()).isEqualByComparingTo("33600.00");
    String suffix = deliberationNumber.substring(5);
    browser.step("le service financier valide le mandatement de l'avance", () -> {
      browser.login("tasklist", FINANCE);
      browser.openTask(task(dossier, "Task_ValidateAdvanceMandate"));
      browser.date("Date de paiement", LocalDate.of(2023, 10, 25));
      browser.type("Numéro de mandat", "M E2E");
      browser.completeRefused("La valeur ne respecte pas le format attendu.");
      browser.type("Numéro de mandat", "M-E2E-A" + suffix);
      browser.complete();
      executeDueJobs(engine);
    });
    BigDecimal advance = paid(dossier);
    assertThat(advance).as("avance de 80 %").isEqualByComparingTo("26880.00");
    assertThat(advance.scale()).isEqualTo(2);

    browser.step("l'instructrice réceptionne le bilan final et l'approuve", () -> {
      clock("2024-12-16T10:00:00");
      executeDueJobs(engine);
      browser.login("tasklist", AGENT);
      browser.openTask(task(dossier, "Task_ReceiveFinalReport"));
      browser.typeEach("Valeur constatée (nombre)", "12");
      browser.typeEach("Valeur constatée", "12 ménages");
      browser.date("Date de réception du bilan final", LocalDate.of(2024, 12, 17));
      browser.type("Analyse qualitative du bilan", "Objectifs atteints : 16 mesures menées à terme.");
      browser.choose("Décision sur le bilan final", "Bilan approuvé");
      browser.completeRefused("(17/12/2024) ne peut pas être dans le futur.");
      browser.closeNotifications();
      browser.date("Date de réception du bilan final", LocalDate.of(2024, 12, 15));
      browser.complete();
      executeDueJobs(engine);
    });
    browser.step("l'instructrice constate le service fait : 192 mois de mesures", () -> {
      browser.openTask(task(dossier, "Task_CertifyService"));
      List<String> elements = browser.values("Élément");
      String[] quantities = elements.stream().map(e -> e.toLowerCase(Locale.ROOT).contains("diagnostic") ? "0" : "192")
          .toArray(String[]::new);
      browser.typeEach("Quantité réalisée", quantities);
      browser.date("Date du constat du service fait", LocalDate.of(2024, 12, 17));
      browser.completeRefused("(17/12/2024) ne peut pas être dans le futur.");
      browser.closeNotifications();
      browser.date("Date du constat du service fait", LocalDate.of(2024, 12, 16));
      browser.complete();
      executeDueJobs(engine);
    });
    // the rows' codes come back with the form (before the « Code » column, form-js dropped them: the server read
    // the quantities without their codes and sent the convention back to this task)
    browser.step("le service financier valide le mandatement du solde", () -> {
      browser.login("tasklist", FINANCE);
      browser.openTask(task(dossier, "Task_ValidateBalanceMandate"));
      browser.date("Date de paiement", LocalDate.of(2024, 12, 16));
      browser.type("Numéro de mandat", "M-E2E-S" + suffix);
      browser.complete();
      executeDueJobs(engine);
    });
    BigDecimal total = paid(dossier);
    assertThat(total).as("avance + solde = montant de la convention, au centime").isEqualByComparingTo("33600.00");
    assertThat(total.subtract(advance)).as("solde de 20 %").isEqualByComparingTo("6720.00");
    browser.step("l'instructrice écrit un bilan de l'appel trop court : refusé en français, la tâche reste ouverte", () -> {
      executeDueJobs(engine);
      browser.login("tasklist", AGENT);
      browser.openTask(task(call, "Task_FinalReview"));
      browser.type("Bilan de l'appel (résultats, indicateurs recueillis, enseignements)", "Court");
      browser.completeRefused("Saisissez au moins 10 caractères.");
    });
    browser.step("l'instructrice établit le bilan de l'appel : l'appel est clos", () -> {
      browser.type("Bilan de l'appel (résultats, indicateurs recueillis, enseignements)",
          "Un dossier retenu, 16 mesures menées à terme, 33 600,00 € versés.");
      browser.complete();
      executeDueJobs(engine);
    });
    assertThat(api("/api/calls/" + call).get("status").asText()).isEqualTo("CLOSED_OUT");
  }

  /** What the convention's payments marked paid add up to, read through /api (scale 2). */
  private BigDecimal paid(String dossier) throws Exception {
    BigDecimal sum = new BigDecimal("0.00");
    for (JsonNode payment : api("/api/applications/" + dossier + "/agreement/payments")) {
      if (!payment.get("paidOn").isNull()) {
        sum = sum.add(payment.get("amount").decimalValue());
      }
    }
    return sum.setScale(2);
  }

  private Task jurorTask(String dossier, String juror, String taskKey) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(dossier).taskAssignee(juror)
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey + " de " + juror).isNotNull();
    return task;
  }

  private Task task(String businessKey, String taskKey) {
    List<Task> found = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).list();
    if (found.isEmpty()) {
      // the call's selection runs in a called instance: its business key is the call's too, or none
      found = engine.getTaskService().createTaskQuery().taskDefinitionKey(taskKey).list().stream()
          .filter(t -> businessKey.equals(engine.getRuntimeService().createProcessInstanceQuery()
              .processInstanceId(t.getProcessInstanceId()).singleResult().getBusinessKey())
              || String.valueOf(engine.getRuntimeService().getVariable(t.getExecutionId(), "callReference")).equals(businessKey))
          .toList();
    }
    assertThat(found).as("tâche " + taskKey + " de " + businessKey).hasSize(1);
    return found.get(0);
  }

  private JsonNode api(String path) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth(AGENT, "demo").getForEntity(path, String.class);
    assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " : " + response.getBody()).isTrue();
    return json.readTree(response.getBody());
  }

  private static String astre(String reference) throws Exception {
    try (InputStream in = LifecycleBrowserIT.class.getResourceAsStream("/calls/aap-2023-astre.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("reference: AAP-2023-ASTRE", "reference: " + reference);
    }
  }
}
