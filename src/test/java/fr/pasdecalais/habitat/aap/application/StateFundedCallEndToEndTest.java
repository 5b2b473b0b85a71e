package fr.pasdecalais.habitat.aap.application;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.END_GRANTED;
import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.TASK_CHECK_COMPLETENESS;
import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.TASK_CHECK_ELIGIBILITY;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pasdecalais.habitat.aap.agreement.AgreementActions;
import fr.pasdecalais.habitat.aap.agreement.AgreementScenarios;
import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallLifecycle;
import fr.pasdecalais.habitat.aap.call.FunderKind;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.notification.Notification;
import fr.pasdecalais.habitat.aap.notification.NotificationKind;
import fr.pasdecalais.habitat.aap.notification.NotificationRepository;
import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentKind;
import fr.pasdecalais.habitat.aap.payment.PaymentStatus;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import fr.pasdecalais.habitat.aap.support.CatalogueCalls;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A call funded by the State (the AML Logement d'abord file of the catalogue, decided in Commission
 * Permanente), from filing to the last payment: the letters are signed for the Préfet, the convention
 * is the State's, and the State's finance service (group {@code etat-finances}), not the
 * Département's ({@code finances}), validates the advance and the balance. The one change to the
 * file: the AML cahier des charges leaves the payment "per convention with the DDCS", recorded there
 * as 100 % at signature; here 60 % at signature and the balance on service fait, so that both
 * mandates are validated.
 */
@SpringScenarioTest
class StateFundedCallEndToEndTest {

  private static final String PASSWORD = "Mot-de-passe-essai-1";

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired CallDefinitionReader reader;
  @Autowired CallLifecycle lifecycle;
  @Autowired ApplicationService service;
  @Autowired ApplicationRepository applications;
  @Autowired IdentitySetup identity;
  @Autowired ObjectMapper json;
  @Autowired AgreementScenarios agreements;
  @Autowired NotificationRepository notifications;
  @Autowired TestRestTemplate rest;
  @Autowired AgreementActions actions;

  @BeforeEach
  void setUp() {
    ProcessTestSupport.init(engine);
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @Test
  void aStateFundedCallRunsFromFilingToTheBalanceValidatedByTheStatesFinanceServiceNotTheDepartements() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String ref = "AMI-ETAT-" + suffix.toUpperCase(Locale.ROOT);
    String juryA = "jure-etat-a-" + suffix;
    String juryB = "jure-etat-b-" + suffix;
    String stateFinance = "etat-fin-" + suffix;
    String departementFinance = "dep-fin-" + suffix;
    identity.ensureUser(juryA, "Sophie", "Essai", PASSWORD, Groups.JURY);
    identity.ensureUser(juryB, "Thomas", "Essai", PASSWORD, Groups.JURY);
    identity.ensureUser(stateFinance, "Hélène", "Essai", PASSWORD, Groups.ETAT_FINANCES);
    identity.ensureUser(departementFinance, "Laurent", "Essai", PASSWORD, Groups.FINANCES);

    clock("2019-07-20T09:00:00");
    String yaml = CatalogueCalls.yaml("ami-2019-aml-logement-dabord", ref, call -> {
      ArrayNode jury = call.putArray("jury");
      jury.addObject().put("userId", juryA).put("fullName", "Sophie Essai").put("body", "Département du Pas-de-Calais");
      jury.addObject().put("userId", juryB).put("fullName", "Thomas Essai").put("body", "CALL");
      ((ObjectNode) call.get("payment")).put("advancePercent", 60).put("balanceTrigger", "SERVICE_FAIT");
    });
    CallForProjects call = lifecycle.create(reader.read(ref + ".yaml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))), true);
    assertThat(call.getFunder().getKind()).isEqualTo(FunderKind.ETAT);
    executeDueJobs(engine);
    ProcessInstance callPi = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallProcess.KEY)
        .processInstanceBusinessKey(ref).singleResult();

    // filing, completeness, eligibility
    clock("2019-08-01T10:00:00");
    executeDueJobs(engine);
    String email = Dossiers.email();
    Application a = service.submit(ref, request(Dossiers.siret(), email), Dossiers.AGENT).application();
    ProcessInstance dossier = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(applications.findByReference(a.getReference()).orElseThrow().getProcessInstanceId()).singleResult();
    complete(a.getReference(), TASK_CHECK_COMPLETENESS, "camille.martin", Map.of("complete", "true"));
    complete(a.getReference(), TASK_CHECK_ELIGIBILITY, "camille.martin", Map.of("eligible", "true"));

    // both lots close on 06/09/2019 at 16:00; jury, synthesis, Commission Permanente of 04/11/2019
    clock("2019-09-10T10:00:00");
    executeDueJobs(engine);
    assertThat(ProcessTestSupport.selection(engine, callPi)).isWaitingAt(CallProcess.TASK_ORGANISE_JURY);
    complete(ref, CallProcess.TASK_ORGANISE_JURY, "camille.martin", Map.of(
        CallProcess.VAR_JURY_SESSION_DATE, "2019-09-25T09:30:00+02:00",
        ProcessContract.VAR_OPINION_DEADLINE, "2019-10-15",
        ProcessContract.VAR_JURY_MEMBERS, Spin.JSON("[\"" + juryA + "\",\"" + juryB + "\"]")));
    opinion(a, juryA);
    opinion(a, juryB);
    assertThat(ProcessTestSupport.selection(engine, callPi)).isWaitingAt(CallProcess.TASK_SYNTHESIS);
    ArrayNode proposals = (ArrayNode) json.readTree(engine.getRuntimeService()
        .getVariableTyped(ProcessTestSupport.current(engine, callPi).getId(), CallProcess.VAR_PROPOSALS).getValue().toString());
    JsonNode first = proposals.get(0);
    ((ObjectNode) first).put("granted", true).put("proposedAmount", new BigDecimal("160000.00")).put("proposedUnits", 32);
    complete(ref, CallProcess.TASK_SYNTHESIS, "camille.martin", Map.of(CallProcess.VAR_PROPOSALS, Spin.JSON(proposals.toString())));
    // the decision forms show who funds the call, whoever decides it
    assertThat(engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, callPi).getId(), CallProcess.VAR_FUNDER_LABEL))
        .isEqualTo("État (Direction départementale de la cohésion sociale du Pas-de-Calais (DDCS), crédits de la DIHAL),"
            + " signataire : le Préfet du Pas-de-Calais");
    complete(ref, CallProcess.TASK_PREPARE_REPORT, "camille.martin", Map.of("assemblySessionDate", "2019-11-04", "reportSent", true));
    clock("2019-11-05T10:00:00");
    Map<String, Object> deliberation = new HashMap<>(Map.of("deliberationNumber", "2019-" + System.nanoTime() % 100000,
        "deliberationDate", "2019-11-04", "votesFor", 40, "votesAgainst", 0, "votesAbstention", 0, "votesAbsent", 1));
    deliberation.put(CallProcess.VAR_DELIBERATION_ADOPTED, "true");
    complete(ref, CallProcess.TASK_RECORD_DELIBERATION, "isabelle.moreau", deliberation);

    // the letter of the award is the State's
    Notification granted = notifications.findByApplicationReferenceOrderByCreatedAtAscIdAsc(a.getReference()).stream()
        .filter(n -> n.getKind() == NotificationKind.DECISION_GRANTED).findFirst().orElseThrow();
    assertThat(granted.getBody())
        .contains("Direction départementale de la cohésion sociale du Pas-de-Calais (DDCS), crédits de la DIHAL\n"
            + "Pour le Préfet du Pas-de-Calais")
        .doesNotContain("Département du Pas-de-Calais\n");

    // the convention: prepared, signed, the advance validated by the State's finance service only
    ProcessInstance agreement = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(GrantAgreementProcess.KEY).processInstanceBusinessKey(a.getReference()).singleResult();
    assertThat(engine.getRuntimeService().getVariable(agreement.getId(), GrantAgreementProcess.VAR_PAYER_GROUP))
        .isEqualTo(Groups.ETAT_FINANCES);
    clock("2019-11-20T10:00:00");
    agreements.prepare(agreement, "160000", "32 mesures AML de 12 mois", "2019-11-04");
    clock("2019-12-13T10:00:00");
    agreements.sign(agreement, "2019-12-10", "2019-12-12");
    Long agreementId = agreements.agreementId(agreement);
    assertThat(agreements.agreement(agreementId).getSignatoryTitle()).isEqualTo("le Préfet du Pas-de-Calais");
    assertThat(engine.getRuntimeService().getVariable(agreement.getId(), "signatoryLabel")).isEqualTo("le Préfet du Pas-de-Calais");

    assertThat(agreement).isWaitingAt(GrantAgreementProcess.TASK_VALIDATE_ADVANCE);
    Task advance = task(a.getReference(), GrantAgreementProcess.TASK_VALIDATE_ADVANCE);
    assertThat(candidateGroups(advance)).containsExactly(Groups.ETAT_FINANCES);
    assertThat(engine.getRuntimeService().getVariable(agreement.getId(), GrantAgreementProcess.VAR_PAYER_LABEL))
        .isEqualTo("État (Direction départementale de la cohésion sociale du Pas-de-Calais (DDCS), crédits de la DIHAL)"
            + " — ordonnateur : le Préfet du Pas-de-Calais");
    refusedToTheDepartementsFinance(departementFinance, advance, "2019-12-13", "M-2019-9001");
    assertThat(mandate(stateFinance, advance, "2019-12-13", "ETAT-2019-0451").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    executeDueJobs(engine);
    Payment advancePaid = only(agreements.payments(agreementId), PaymentKind.ADVANCE);
    assertThat(advancePaid.getAmount()).isEqualByComparingTo("96000.00");
    assertThat(advancePaid.getStatus()).isEqualTo(PaymentStatus.PAID);
    assertThat(advancePaid.getValidatedBy()).isEqualTo(stateFinance);

    // reports, service fait (32 measures at 5 000 €), balance
    clock("2021-01-15T10:00:00");
    executeDueJobs(engine);
    for (Task interim : tasks.createTaskQuery().processInstanceBusinessKey(a.getReference())
        .taskDefinitionKey(GrantAgreementProcess.TASK_RECEIVE_INTERIM).list()) {
      tasks.claim(interim.getId(), "camille.martin");
      tasks.complete(interim.getId(), Map.of("reportReceivedOn", "2020-04-02", "reportSummary", "Bilan à 3 mois"));
      executeDueJobs(engine);
    }
    agreements.finalReport(agreement, "2021-01-15", true);
    agreements.serviceRendered(agreement, Map.of("MESURE_AN", 32), "2021-01-15");
    assertThat(agreements.agreement(agreementId).getAmountDue()).isEqualByComparingTo("160000.00");
    assertThat(agreement).isWaitingAt(GrantAgreementProcess.TASK_VALIDATE_BALANCE);
    Task balance = task(a.getReference(), GrantAgreementProcess.TASK_VALIDATE_BALANCE);
    assertThat(candidateGroups(balance)).containsExactly(Groups.ETAT_FINANCES);
    refusedToTheDepartementsFinance(departementFinance, balance, "2021-01-15", "M-2021-9002");
    assertThat(mandate(stateFinance, balance, "2021-01-15", "ETAT-2021-0017").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    executeDueJobs(engine);
    Payment balancePaid = only(agreements.payments(agreementId), PaymentKind.BALANCE);
    assertThat(balancePaid.getAmount()).isEqualByComparingTo("64000.00");
    assertThat(balancePaid.getValidatedBy()).isEqualTo(stateFinance);
    assertThat(advancePaid.getAmount().add(balancePaid.getAmount())).isEqualByComparingTo("160000.00");

    assertThat(dossier).isEnded().hasPassed(END_GRANTED);
    assertThat(callPi).isWaitingAt(CallProcess.TASK_FINAL_REVIEW);
  }

  /**
   * The same State-funded file decided by the Préfet (the "funded and decided by the State"):
   * the agents' proposal, the Préfet's decision recorded by the prefecture, the letter signed for the
   * Préfet and naming his decision, the State's convention, its advance validated by the State's
   * finance service.
   */
  @Test
  void aStateFundedCallDecidedByThePrefetIsTheStatesFromTheDecisionToTheAdvance() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String ref = "AMI-PREFET-" + suffix.toUpperCase(Locale.ROOT);
    String juryA = "jure-pref-a-" + suffix;
    String juryB = "jure-pref-b-" + suffix;
    String prefecture = "prefecture-" + suffix;
    String stateFinance = "etat-fin-p-" + suffix;
    identity.ensureUser(juryA, "Sophie", "Essai", PASSWORD, Groups.JURY);
    identity.ensureUser(juryB, "Thomas", "Essai", PASSWORD, Groups.JURY);
    identity.ensureUser(prefecture, "Marc", "Essai", PASSWORD, Groups.PREFECTURE);
    identity.ensureUser(stateFinance, "Hélène", "Essai", PASSWORD, Groups.ETAT_FINANCES);

    clock("2019-07-20T09:00:00");
    String yaml = CatalogueCalls.yaml("ami-2019-aml-logement-dabord", ref, call -> {
      call.put("decidingBody", "PREFET");
      ArrayNode jury = call.putArray("jury");
      jury.addObject().put("userId", juryA).put("fullName", "Sophie Essai").put("body", "DDCS");
      jury.addObject().put("userId", juryB).put("fullName", "Thomas Essai").put("body", "CALL");
    });
    lifecycle.create(reader.read(ref + ".yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))), true);
    executeDueJobs(engine);
    ProcessInstance callPi = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallProcess.KEY)
        .processInstanceBusinessKey(ref).singleResult();
    clock("2019-08-01T10:00:00");
    executeDueJobs(engine);
    Application a = service.submit(ref, request(Dossiers.siret(), Dossiers.email()), Dossiers.AGENT).application();
    complete(a.getReference(), TASK_CHECK_COMPLETENESS, "camille.martin", Map.of("complete", "true"));
    complete(a.getReference(), TASK_CHECK_ELIGIBILITY, "camille.martin", Map.of("eligible", "true"));
    clock("2019-09-10T10:00:00");
    executeDueJobs(engine);
    complete(ref, CallProcess.TASK_ORGANISE_JURY, "camille.martin", Map.of(
        CallProcess.VAR_JURY_SESSION_DATE, "2019-09-25T09:30:00+02:00",
        ProcessContract.VAR_OPINION_DEADLINE, "2019-10-15",
        ProcessContract.VAR_JURY_MEMBERS, Spin.JSON("[\"" + juryA + "\",\"" + juryB + "\"]")));
    opinion(a, juryA);
    opinion(a, juryB);
    ArrayNode proposals = (ArrayNode) json.readTree(engine.getRuntimeService()
        .getVariableTyped(ProcessTestSupport.current(engine, callPi).getId(), CallProcess.VAR_PROPOSALS).getValue().toString());
    ((ObjectNode) proposals.get(0)).put("granted", true).put("proposedAmount", new BigDecimal("160000.00")).put("proposedUnits", 32);
    complete(ref, CallProcess.TASK_SYNTHESIS, "camille.martin", Map.of(CallProcess.VAR_PROPOSALS, Spin.JSON(proposals.toString())));

    // the Préfet decides: his decision is recorded by the prefecture, never by the assembly's secretariat
    complete(ref, CallProcess.TASK_PREPARE_PREFECT_PROPOSAL, "camille.martin", Map.of(
        CallProcess.VAR_PREFECT_PROPOSAL_DATE, "2019-10-20", CallProcess.VAR_PREFECT_PROPOSAL_SENT, true));
    Task decision = task(ref, CallProcess.TASK_RECORD_PREFECT_DECISION);
    assertThat(candidateGroups(decision)).containsExactly(Groups.PREFECTURE);
    clock("2019-11-05T10:00:00");
    complete(ref, CallProcess.TASK_RECORD_PREFECT_DECISION, prefecture, Map.of(
        CallProcess.VAR_DECISION_REFERENCE, "Arrêté n° DDCS-62-2019-311", CallProcess.VAR_DELIBERATION_DATE, "2019-11-04",
        CallProcess.VAR_DELIBERATION_ADOPTED, "true"));
    Notification granted = notifications.findByApplicationReferenceOrderByCreatedAtAscIdAsc(a.getReference()).stream()
        .filter(n -> n.getKind() == NotificationKind.DECISION_GRANTED).findFirst().orElseThrow();
    assertThat(granted.getBody()).contains("décision du Préfet réf. Arrêté n° DDCS-62-2019-311 du 04/11/2019")
        .contains("Pour le Préfet du Pas-de-Calais");

    ProcessInstance agreement = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(GrantAgreementProcess.KEY).processInstanceBusinessKey(a.getReference()).singleResult();
    clock("2019-11-20T10:00:00");
    agreements.prepare(agreement, "160000", "32 mesures AML de 12 mois", "2019-11-04");
    clock("2019-12-13T10:00:00");
    agreements.sign(agreement, "2019-12-10", "2019-12-12");
    Task advance = task(a.getReference(), GrantAgreementProcess.TASK_VALIDATE_ADVANCE);
    assertThat(candidateGroups(advance)).containsExactly(Groups.ETAT_FINANCES);
    assertThat(mandate(stateFinance, advance, "2019-12-13", "ETAT-2019-0452").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    executeDueJobs(engine);
    // the AML file's own terms: 100 % at signature, the last payment
    Payment paid = only(agreements.payments(agreements.agreementId(agreement)), PaymentKind.ADVANCE);
    assertThat(paid.getAmount()).isEqualByComparingTo("160000.00");
    assertThat(paid.getValidatedBy()).isEqualTo(stateFinance);
  }

  /**
   * A State-funded convention terminated after its advance ends with a titre de recette: the State's
   * finance service records what is collected on it (partially through {@code /api}, the rest from the
   * Tasklist start form), the Département's finance service is refused at both doors and nothing is
   * written.
   */
  @Test
  void theTitreDeRecetteOfAStateFundedConventionIsCollectedByTheStatesFinanceServiceNotTheDepartements() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String ref = "AMI-TITRE-" + suffix.toUpperCase(Locale.ROOT);
    String juryA = "jure-titre-a-" + suffix;
    String juryB = "jure-titre-b-" + suffix;
    String stateFinance = "etat-fin-t-" + suffix;
    String departementFinance = "dep-fin-t-" + suffix;
    identity.ensureUser(juryA, "Sophie", "Essai", PASSWORD, Groups.JURY);
    identity.ensureUser(juryB, "Thomas", "Essai", PASSWORD, Groups.JURY);
    identity.ensureUser(stateFinance, "Hélène", "Essai", PASSWORD, Groups.ETAT_FINANCES);
    identity.ensureUser(departementFinance, "Laurent", "Essai", PASSWORD, Groups.FINANCES);

    clock("2019-07-20T09:00:00");
    String yaml = CatalogueCalls.yaml("ami-2019-aml-logement-dabord", ref, call -> {
      ArrayNode jury = call.putArray("jury");
      jury.addObject().put("userId", juryA).put("fullName", "Sophie Essai").put("body", "Département du Pas-de-Calais");
      jury.addObject().put("userId", juryB).put("fullName", "Thomas Essai").put("body", "CALL");
    });
    lifecycle.create(reader.read(ref + ".yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))), true);
    executeDueJobs(engine);
    ProcessInstance callPi = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallProcess.KEY)
        .processInstanceBusinessKey(ref).singleResult();
    clock("2019-08-01T10:00:00");
    executeDueJobs(engine);
    Application a = service.submit(ref, request(Dossiers.siret(), Dossiers.email()), Dossiers.AGENT).application();
    complete(a.getReference(), TASK_CHECK_COMPLETENESS, "camille.martin", Map.of("complete", "true"));
    complete(a.getReference(), TASK_CHECK_ELIGIBILITY, "camille.martin", Map.of("eligible", "true"));
    clock("2019-09-10T10:00:00");
    executeDueJobs(engine);
    complete(ref, CallProcess.TASK_ORGANISE_JURY, "camille.martin", Map.of(
        CallProcess.VAR_JURY_SESSION_DATE, "2019-09-25T09:30:00+02:00",
        ProcessContract.VAR_OPINION_DEADLINE, "2019-10-15",
        ProcessContract.VAR_JURY_MEMBERS, Spin.JSON("[\"" + juryA + "\",\"" + juryB + "\"]")));
    opinion(a, juryA);
    opinion(a, juryB);
    ArrayNode proposals = (ArrayNode) json.readTree(engine.getRuntimeService()
        .getVariableTyped(ProcessTestSupport.current(engine, callPi).getId(), CallProcess.VAR_PROPOSALS).getValue().toString());
    ((ObjectNode) proposals.get(0)).put("granted", true).put("proposedAmount", new BigDecimal("160000.00")).put("proposedUnits", 32);
    complete(ref, CallProcess.TASK_SYNTHESIS, "camille.martin", Map.of(CallProcess.VAR_PROPOSALS, Spin.JSON(proposals.toString())));
    complete(ref, CallProcess.TASK_PREPARE_REPORT, "camille.martin", Map.of("assemblySessionDate", "2019-11-04", "reportSent", true));
    clock("2019-11-05T10:00:00");
    Map<String, Object> deliberation = new HashMap<>(Map.of("deliberationNumber", "2019-" + System.nanoTime() % 100000,
        "deliberationDate", "2019-11-04", "votesFor", 40, "votesAgainst", 0, "votesAbstention", 0, "votesAbsent", 1));
    deliberation.put(CallProcess.VAR_DELIBERATION_ADOPTED, "true");
    complete(ref, CallProcess.TASK_RECORD_DELIBERATION, "isabelle.moreau", deliberation);

    // the convention, its advance (the AML file's 100 % at signature) validated by the State's finance service
    ProcessInstance agreement = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(GrantAgreementProcess.KEY).processInstanceBusinessKey(a.getReference()).singleResult();
    clock("2019-11-20T10:00:00");
    agreements.prepare(agreement, "160000", "32 mesures AML de 12 mois", "2019-11-04");
    clock("2019-12-13T10:00:00");
    agreements.sign(agreement, "2019-12-10", "2019-12-12");
    Task advance = task(a.getReference(), GrantAgreementProcess.TASK_VALIDATE_ADVANCE);
    assertThat(mandate(stateFinance, advance, "2019-12-13", "ETAT-2019-0453").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    executeDueJobs(engine);
    Long agreementId = agreements.agreementId(agreement);
    assertThat(only(agreements.payments(agreementId), PaymentKind.ADVANCE).getAmount()).isEqualByComparingTo("160000.00");

    // terminated: 150 000,00 € justified of the 160 000,00 € paid → a titre de recette of 10 000,00 €
    clock("2020-06-02T10:00:00");
    actions.terminate(agreements.agreement(agreementId).getNumber(), "L'association cesse l'activité AML",
        new Caller("camille.martin", Set.of(Groups.INSTRUCTEURS)));
    executeDueJobs(engine);
    complete(a.getReference(), GrantAgreementProcess.TASK_STATE_EXPENSES, "camille.martin", Map.of(
        "justifiedExpenses", 150000.0, "terminationComment", "Trente mesures menées à terme"));
    Payment recovery = only(agreements.payments(agreementId), PaymentKind.RECOVERY);
    assertThat(recovery.getAmount()).isEqualByComparingTo("10000.00");
    String path = "/api/payments/" + recovery.getId() + "/collections";
    String collection = "{\"recoveryOrderNumber\": {\"value\": \"" + recovery.getOrderNumber() + "\"}, "
        + "\"collectionAmount\": {\"value\": %s}, \"collectedOn\": {\"value\": \"2020-06-01\"}, "
        + "\"collectionReference\": {\"value\": \"%s\"}}";
    long startedCollections = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("payment-collection").count();

    // the Département's finance service: refused at both doors, in French, nothing written
    ResponseEntity<String> byApi = rest.withBasicAuth(departementFinance, PASSWORD).postForEntity(path,
        jsonBody("{\"amount\": 10000.00, \"collectedOn\": \"2020-06-01\", \"reference\": \"Q-DEP-1\"}"), String.class);
    assertThat(byApi.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(byApi.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(byApi.getBody()).contains("relève d'une convention financée par l'État")
        .contains("service financier de l'État (DDETS)");
    ResponseEntity<String> byTasklist = startForm(departementFinance, String.format(collection, "10000", "Q-DEP-2"));
    assertThat(byTasklist.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json.readTree(byTasklist.getBody()).path("message").asText())
        .startsWith("Le titre de recette " + recovery.getOrderNumber() + " relève d'une convention financée par l'État");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("payment-collection")
        .count()).isEqualTo(startedCollections);
    JsonNode untouched = collections(stateFinance, path);
    assertThat(untouched.get("collections")).isEmpty();
    assertThat(untouched.get("remainingLabel").asText()).isEqualTo("10 000,00 €");
    assertThat(only(agreements.payments(agreementId), PaymentKind.RECOVERY).getStatus()).isEqualTo(PaymentStatus.ORDERED);

    // the State's finance service: 4 000,00 € through the API, then the remaining 6 000,00 € from Tasklist
    ResponseEntity<String> partial = rest.withBasicAuth(stateFinance, PASSWORD).postForEntity(path,
        jsonBody("{\"amount\": 4000.00, \"collectedOn\": \"2020-06-01\", \"reference\": \"DDFIP-2020-118\"}"), String.class);
    assertThat(partial.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode afterPartial = json.readTree(partial.getBody());
    assertThat(afterPartial.get("collectedLabel").asText()).isEqualTo("4 000,00 €");
    assertThat(afterPartial.get("remainingLabel").asText()).isEqualTo("6 000,00 €");
    assertThat(afterPartial.get("status").asText()).isEqualTo("ORDERED");
    assertThat(afterPartial.get("collections").get(0).get("recordedBy").asText()).isEqualTo(stateFinance);
    assertThat(startForm(stateFinance, String.format(collection, "6000", "DDFIP-2020-131")).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    JsonNode full = collections(stateFinance, path);
    assertThat(full.get("status").asText()).isEqualTo("PAID");
    assertThat(new BigDecimal(full.get("collected").asText())).isEqualByComparingTo("10000.00");
    assertThat(full.get("remainingLabel").asText()).isEqualTo("0,00 €");
    assertThat(full.get("collections")).hasSize(2);
    assertThat(full.get("collections").get(1).get("recordedBy").asText()).isEqualTo(stateFinance);
    Payment collected = only(agreements.payments(agreementId), PaymentKind.RECOVERY);
    assertThat(collected.getStatus()).isEqualTo(PaymentStatus.PAID);
    assertThat(collected.getValidatedBy()).isEqualTo(stateFinance);
  }

  /** "Enregistrer un encaissement sur un titre de recette" as Tasklist submits its start form. */
  private ResponseEntity<String> startForm(String user, String variables) {
    return rest.withBasicAuth(user, PASSWORD).postForEntity(
        "/engine-rest/process-definition/key/payment-collection/submit-form",
        jsonBody("{\"variables\": " + variables + "}"), String.class);
  }

  private JsonNode collections(String user, String path) throws Exception {
    ResponseEntity<String> r = rest.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(r.getBody());
  }

  /** The Département's finance officer can neither claim nor complete the State's mandate: nothing changes. */
  private void refusedToTheDepartementsFinance(String user, Task task, String paidOn, String number) {
    TestRestTemplate finance = rest.withBasicAuth(user, PASSWORD);
    ResponseEntity<String> claim = finance.postForEntity("/engine-rest/task/" + task.getId() + "/claim",
        jsonBody("{\"userId\": \"" + user + "\"}"), String.class);
    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(mandate(user, task, paidOn, number).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    Task still = tasks.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(still).isNotNull();
    assertThat(still.getAssignee()).isNull();
    assertThat(tasks.createTaskQuery().taskCandidateGroup(Groups.FINANCES).processInstanceId(still.getProcessInstanceId())
        .count()).isZero();
  }

  /** "Valider le mandatement" as Tasklist submits it, through the engine's REST door. */
  private ResponseEntity<String> mandate(String user, Task task, String paidOn, String number) {
    return rest.withBasicAuth(user, PASSWORD).postForEntity("/engine-rest/task/" + task.getId() + "/complete",
        jsonBody("{\"variables\": {\"paymentDate\": {\"value\": \"" + paidOn + "\", \"type\": \"String\"},"
            + " \"mandateNumber\": {\"value\": \"" + number + "\", \"type\": \"String\"}}}"), String.class);
  }

  private static HttpEntity<String> jsonBody(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId).toList();
  }

  private static Payment only(List<Payment> payments, PaymentKind kind) {
    List<Payment> of = payments.stream().filter(p -> p.getKind() == kind).toList();
    assertThat(of).hasSize(1);
    return of.get(0);
  }

  private static ApplicationRequest request(String siret, String email) {
    return new ApplicationRequest(new ApplicationRequest.OrganizationData(siret, "Association Médiation Locative " + siret.substring(9),
        "Association loi 1901",
        "Organisme gestionnaire exerçant des mesures d'Aide à la Médiation Locative au titre du FSL sur Lens-Hénin ou l'Artois",
        List.of("Agrément AML au titre du FSL"), "3 place Jean Jaurès", "62300", "Lens", email, "Marc Dupuis"),
        "LENS_HENIN", List.of("LENS_HENIN"), new BigDecimal("160000.00"), 32,
        "32 mesures d'Aide à la Médiation Locative de 12 mois en bail glissant sur Lens-Hénin.");
  }

  private void opinion(Application a, String member) {
    Task conflict = tasks.createTaskQuery().processInstanceBusinessKey(a.getReference()).taskAssignee(member)
        .taskDefinitionKey("Task_DeclareConflict").singleResult();
    tasks.complete(conflict.getId(), Map.of("conflictOfInterest", false));
    Task opinion = tasks.createTaskQuery().processInstanceBusinessKey(a.getReference()).taskAssignee(member)
        .taskDefinitionKey("Task_GiveOpinion").singleResult();
    Map<String, Object> vars = new HashMap<>();
    for (int i = 1; i <= 6; i++) {
      vars.put("score" + i, 4);
    }
    vars.put("avis", "FAVORABLE");
    vars.put("opinionComment", "Projet solide.");
    tasks.complete(opinion.getId(), vars);
    executeDueJobs(engine);
  }

  private Task task(String businessKey, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    return task;
  }

  private void complete(String businessKey, String taskKey, String user, Map<String, Object> variables) {
    Task task = task(businessKey, taskKey);
    tasks.claim(task.getId(), user);
    tasks.complete(task.getId(), variables);
    executeDueJobs(engine);
  }
}
