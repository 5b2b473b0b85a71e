package fr.pasdecalais.habitat.aap;

import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.application.ApplicationRepository;
import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.application.Dossiers;
import fr.pasdecalais.habitat.aap.application.OrganizationMemberships;
import fr.pasdecalais.habitat.aap.application.OrganizationRepository;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.shared.Money;
import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentKind;
import fr.pasdecalais.habitat.aap.payment.PaymentRepository;
import fr.pasdecalais.habitat.aap.payment.PaymentService;
import fr.pasdecalais.habitat.aap.support.PostgresIntegrationTest;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Two people (or two nodes) doing the same thing at the same instant, on a real PostgreSQL: one wins,
 * the other gets a clear refusal, nothing is written twice and no request answers 500.
 */
@PostgresIntegrationTest
class RacesIT {

  static final String PASSWORD = "Essai-Courses-2026!";
  private static final AtomicLong AGREEMENT_IDS = new AtomicLong(8_000_000 + System.nanoTime() % 1_000_000);

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;
  @Autowired ApplicationService service;
  @Autowired ApplicationRepository applications;
  @Autowired OrganizationRepository organizations;
  @Autowired OrganizationMemberships memberships;
  @Autowired IdentitySetup identity;
  @Autowired ProcessEngine engine;
  @Autowired PaymentService payments;
  @Autowired PaymentRepository paymentRepository;

  CallForProjects call;
  String partner;
  String agent;

  @BeforeEach
  void setUp() {
    call = new Dossiers(catalog, reader, service).call(false); // one dossier per holder
    catalog.publish(call.getReference());
    partner = "porteur-" + UUID.randomUUID().toString().substring(0, 8);
    agent = "instructeur-" + UUID.randomUUID().toString().substring(0, 8);
    identity.ensureUser(partner, "Paul", "Porteur", PASSWORD, Groups.PORTEURS);
    identity.ensureUser(agent, "Camille", "Martin", PASSWORD, Groups.INSTRUCTEURS);
    clock("2023-04-10T10:00:00");
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @RepeatedTest(3)
  void twoIdenticalSubmissionsAtOnceMakeOneDossierAndAConflict() throws Exception {
    String siret = Dossiers.memberOrganization(organizations, memberships, partner);
    List<ResponseEntity<String>> answers = together(() -> post(partner,
        "/api/calls/" + call.getReference() + "/applications", body(siret)));
    assertThat(answers).extracting(r -> r.getStatusCode().value()).containsExactlyInAnyOrder(201, 409);
    assertThat(answers).filteredOn(r -> r.getStatusCode().value() == 409).singleElement()
        .satisfies(r -> assertThat(r.getBody()).contains("a déjà un dossier en cours"));
    assertThat(applications.findByCallReferenceOrderByReference(call.getReference()))
        .filteredOn(a -> a.getOrganization().getSiret().equals(siret)).hasSize(1);
  }

  @Test
  void twoWithdrawalsAtOnceWithdrawOnce() throws Exception {
    String siret = Dossiers.memberOrganization(organizations, memberships, partner);
    String reference = json.readTree(post(partner, "/api/calls/" + call.getReference() + "/applications", body(siret))
        .getBody()).get("reference").asText();
    List<ResponseEntity<String>> answers = together(() -> post(partner, "/api/applications/" + reference + "/withdrawal",
        Map.of("reason", "L'association renonce au projet.")));
    assertThat(answers).extracting(r -> r.getStatusCode().value()).containsExactlyInAnyOrder(200, 409);
    assertThat(answers).filteredOn(r -> r.getStatusCode().value() == 409).singleElement()
        .satisfies(r -> assertThat(r.getBody()).contains("Désistement impossible"));
    ProcessTestSupport.executeDueJobs(engine);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    assertThat(applications.findByReference(reference).orElseThrow().getState().name()).isEqualTo("WITHDRAWN");
  }

  @Test
  void twoCompletionsOfOneTaskThroughTheEngineApiOneWinsTheOtherIsRefusedWithout500() throws Exception {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("Process_RaceFixture").count() == 0) {
      engine.getRepositoryService().createDeployment().name("race-fixture")
          .addModelInstance("race-fixture.bpmn", Bpmn.createExecutableProcess("Process_RaceFixture")
              .camundaHistoryTimeToLive(1)
              .startEvent().userTask("Task_Race").name("Tâche disputée").camundaCandidateGroups(Groups.INSTRUCTEURS)
              .userTask("Task_Next").name("Tâche suivante").camundaCandidateGroups(Groups.INSTRUCTEURS)
              .endEvent().done())
          .deploy();
    }
    String instance = engine.getRuntimeService().startProcessInstanceByKey("Process_RaceFixture").getId();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    List<ResponseEntity<String>> answers = together(() -> post(agent, "/engine-rest/task/" + task + "/complete", Map.of()));
    assertThat(answers).extracting(r -> r.getStatusCode().value()).contains(204).doesNotContain(500);
    assertThat(answers).extracting(r -> r.getStatusCode().is5xxServerError()).containsOnly(false);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_Next")
        .count()).as("the process moved on once").isEqualTo(1);
  }

  @Test
  void oneMandateNumberIsRecordedOnOnePaymentEvenWhenTwoAreValidatedAtOnce() throws Exception {
    clock("2025-02-01T10:00:00");
    long first = AGREEMENT_IDS.incrementAndGet();
    long second = AGREEMENT_IDS.incrementAndGet();
    Payment a = payments.order(first, "C-" + first, PaymentKind.ADVANCE, Money.of("1000"), Money.of("1000"));
    Payment b = payments.order(second, "C-" + second, PaymentKind.ADVANCE, Money.of("2000"), Money.of("2000"));
    String number = "M-2025-" + UUID.randomUUID().toString().substring(0, 6);
    List<String> outcomes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CyclicBarrier start = new CyclicBarrier(2);
    List<Future<String>> futures = new ArrayList<>();
    for (Payment p : List.of(a, b)) {
      futures.add(pool.submit(() -> {
        start.await();
        try {
          payments.confirm(p.getId(), LocalDate.of(2025, 2, 1), number);
          return "payé";
        } catch (RuntimeException e) {
          return "refusé";
        }
      }));
    }
    for (Future<String> f : futures) {
      outcomes.add(f.get());
    }
    pool.shutdown();
    assertThat(outcomes).containsExactlyInAnyOrder("payé", "refusé");
    assertThat(paymentRepository.findAll()).filteredOn(p -> number.equals(p.getMandateNumber())).hasSize(1);
  }

  private <T> List<T> together(Callable<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CyclicBarrier start = new CyclicBarrier(2);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        return work.call();
      }));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get());
    }
    pool.shutdown();
    return results;
  }

  private Map<String, Object> body(String siret) {
    Map<String, Object> org = new java.util.LinkedHashMap<>(Map.of("siret", siret, "name", "Association Toit Partagé",
        "legalForm", "Association loi 1901", "holderType", Dossiers.HOLDER_TYPE, "approvals", List.of(Dossiers.AGREMENT),
        "street", "3 rue Victor Hugo", "postalCode", "62300", "city", "Lens", "email", Dossiers.email(),
        "legalRepresentative", "Nadine Carpentier"));
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("organization", org);
    body.put("lotCode", "UNIQUE");
    body.put("territories", List.of("LENS_HENIN"));
    body.put("requestedAmount", "42000.00");
    body.put("requestedUnits", 20);
    body.put("summary", "Accompagnement de 20 ménages en précarité énergétique.");
    return body;
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }
}
