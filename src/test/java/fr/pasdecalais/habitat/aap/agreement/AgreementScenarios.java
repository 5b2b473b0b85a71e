package fr.pasdecalais.habitat.aap.agreement;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationRequest;
import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.decision.AwardDecision;
import fr.pasdecalais.habitat.aap.decision.AwardDecisions;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentService;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The steps of the grant-agreement scenarios: a call from a test definition (unique reference), a
 * dossier recorded through the application capability, granted by an award decision, the process
 * started as the application's call activity would start it, and each user task claimed by its
 * actor and completed as Tasklist would submit it.
 */
@Component
public class AgreementScenarios {

  private static final AtomicInteger COUNTER = new AtomicInteger((int) (System.nanoTime() % 100_000));
  /** Who completes the instructeurs' tasks of the scenarios. */
  public static final String AGENT = "camille.martin";
  /** Who validates the mandates. */
  public static final String FINANCE = "laurent.petit";

  private final CallCatalog calls;
  private final CallDefinitionReader reader;
  private final ApplicationService applications;
  private final ProcessEngine engine;
  private final PaymentService payments;
  private final AgreementLifecycleService agreements;
  private final GrantAgreementRepository repository;
  private final AwardDecisions decisions;

  AgreementScenarios(CallCatalog calls, CallDefinitionReader reader, ApplicationService applications,
      ProcessEngine engine, PaymentService payments, AgreementLifecycleService agreements, GrantAgreementRepository repository,
      AwardDecisions decisions) {
    this.decisions = decisions;
    this.repository = repository;
    this.calls = calls;
    this.reader = reader;
    this.applications = applications;
    this.engine = engine;
    this.payments = payments;
    this.agreements = agreements;
  }

  /** The catalogue file each scenario's call is made from ({@code src/main/resources/calls}). */
  static final Map<String, String> CATALOGUE = Map.of(
      "astre", "aap-2023-astre.yaml",
      "info-juridique", "aap-2023-information-juridique.yaml",
      "info-juridique-on-demand", "aap-2023-information-juridique.yaml",
      "numero-vert", "aap-2023-numero-vert.yaml",
      "prevention-ami2", "aap-2023-prevention-expulsions.yaml",
      "prevention", "aap-2023-prevention-expulsions.yaml",
      "coordinateurs", "aap-2023-coordinateurs-logement-dabord.yaml",
      "astre-70", "aap-2023-astre.yaml",
      "astre-instalments", "aap-2023-astre.yaml",
      "astre-etat", "aap-2023-astre.yaml");

  /**
   * Creates a call from the catalogue's own file under a unique reference: no copy under
   * {@code src/test/resources}; a few derivations state terms no catalogue call states yet.
   */
  public String call(String template) {
    String reference = "T-" + template.toUpperCase().replace("-", "") + "-" + COUNTER.incrementAndGet();
    try {
      String yaml = new ClassPathResource("calls/" + CATALOGUE.get(template)).getContentAsString(StandardCharsets.UTF_8)
          .replaceFirst("(?m)^reference: .*$", "reference: " + reference);
      // information juridique with a table "pourra être demandé à tout moment" (as microcrédit writes it)
      if (template.equals("info-juridique-on-demand")) {
        yaml = yaml.replace("reporting:\n", "reporting:\n  - { code: TABLEAU_REPORTING, label: \"Tableau de reporting\", "
            + "kind: INTERIM, frequency: ON_DEMAND, delayDays: 30 }\n");
      }
      // terms no catalogue call states yet, on the real ASTRE file: a 70 % advance; 30 % at signature,
      // 30 % when the interim report at six months is in, the balance on service fait
      if (template.equals("astre-70")) {
        yaml = yaml.replace("advancePercent: 80", "advancePercent: 70");
      }
      if (template.equals("astre-instalments")) {
        yaml = yaml.replace("reporting:\n", "reporting:\n  - { code: BILAN_6M, label: \"Bilan intermédiaire à six mois\", kind: INTERIM, monthsAfterStart: 6 }\n")
            .replace("advancePercent: 80", "advancePercent: 30\n  instalments:\n    - { percent: 30, afterReport: BILAN_6M }");
      }
      // the same file funded by the State: its convention's payer is etat-finances
      if (template.equals("astre-etat")) {
        yaml = yaml.replaceFirst("(?m)^funder: .*$", "funder:\n  kind: ETAT");
      }
      calls.create(reader.read(template, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return reference;
  }

  /** Records a dossier for the call (received inside its window). */
  public Application application(String callReference, String lotCode, String territory, BigDecimal amount, Instant receivedAt) {
    int n = COUNTER.incrementAndGet();
    var org = new ApplicationRequest.OrganizationData(siret(n), "Association d'essai " + n, "Association loi 1901",
        "Association agréée", List.of("Agrément L.365-1"), "1 rue de l'Essai", "62000", "Arras",
        "operateur" + n + "@exemple.fr", "Représentant Essai");
    var request = new ApplicationRequest(org, lotCode, List.of(territory), amount, null, "Projet d'essai " + n);
    return applications.record(callReference, request, Application.Channel.POSTAL, receivedAt,
        new Caller("camille.martin", Set.of(Groups.INSTRUCTEURS))).application();
  }

  /** The dossier granted its requested amount by a deliberation of today (engine clock). */
  public AwardDecision grant(Application a) {
    return decisions.grant(a, a.getRequestedAmount(), a.getRequestedUnits(),
        ClockUtil.getCurrentTime().toInstant().atZone(ProcessTestSupport.PARIS).toLocalDate());
  }

  /** Grants the dossier (see {@link #grant}) and starts grant-agreement as the application's call activity would. */
  public ProcessInstance start(Application a) {
    grant(a);
    ProcessInstance pi = startAsCallActivity(a);
    ProcessTestSupport.executeDueJobs(engine);
    return pi;
  }

  /** Starts grant-agreement with the variables the application's call activity passes down, nothing else. */
  public ProcessInstance startAsCallActivity(Application a) {
    return engine.getRuntimeService().startProcessInstanceByKey(GrantAgreementProcess.KEY, a.getReference(),
        Map.of("applicationId", a.getId(), "reference", a.getReference(),
            "organizationName", a.getOrganization().getName(), "callReference", a.getCallReference(),
            "lotCode", a.getLotCode()));
  }

  /** Claims the task for {@code user} (as Tasklist does before a completion) and completes it. */
  public void completeAs(String user, Task task, Map<String, Object> variables) {
    if (task.getAssignee() == null) {
      engine.getTaskService().claim(task.getId(), user);
    }
    complete(task, variables);
  }

  public void prepare(ProcessInstance pi, String amount, String units, String decisionDate) {
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_PREPARE);
    completeAs(AGENT, task(GrantAgreementProcess.TASK_PREPARE, pi), Map.of("agreementAmount", Double.valueOf(amount),
        "agreementUnits", units, "decisionDate", decisionDate, "termsChecked", true));
    ProcessTestSupport.executeDueJobs(engine);
  }

  /** "Préparer la convention" for a FIXED rule: no volume (the field is hidden, nothing is submitted). */
  public void prepareWithoutVolume(ProcessInstance pi, String amount, String decisionDate) {
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_PREPARE);
    completeAs(AGENT, task(GrantAgreementProcess.TASK_PREPARE, pi), Map.of("agreementAmount", Double.valueOf(amount),
        "decisionDate", decisionDate, "termsChecked", true));
    ProcessTestSupport.executeDueJobs(engine);
  }

  /** Grants the dossier {@code amount} for {@code units} (a deliberation of today) and starts grant-agreement. */
  public ProcessInstance start(Application a, BigDecimal amount, Integer units) {
    decisions.grant(a, amount, units, ClockUtil.getCurrentTime().toInstant().atZone(ProcessTestSupport.PARIS).toLocalDate());
    ProcessInstance pi = startAsCallActivity(a);
    ProcessTestSupport.executeDueJobs(engine);
    return pi;
  }

  public void sign(ProcessInstance pi, String operatorOn, String presidentOn) {
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECORD_SIGNATURES);
    completeAs(AGENT, task(GrantAgreementProcess.TASK_RECORD_SIGNATURES, pi),
        Map.of("operatorSignedOn", operatorOn, "presidentSignedOn", presidentOn));
    ProcessTestSupport.executeDueJobs(engine);
  }

  public void mandate(ProcessInstance pi, String taskId, String paidOn, String mandateNumber) {
    assertThat(pi).isWaitingAt(taskId);
    completeAs(FINANCE, task(taskId, pi), Map.of("paymentDate", paidOn, "mandateNumber", mandateNumber));
    ProcessTestSupport.executeDueJobs(engine);
  }

  /** "Réceptionner le bilan final", every indicator filled. */
  public void finalReport(ProcessInstance pi, String receivedOn, boolean approved) {
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_RECEIVE_FINAL);
    String indicators = engine.getRuntimeService().getVariableTyped(pi.getId(), "indicators").getValue().toString();
    String filled = indicators.replace("\"unit\":", "\"value\":12,\"unit\":");
    VariableMap vars = Variables.createVariables()
        .putValueTyped("indicators", SpinValues.jsonValue(filled).create())
        .putValue("reportReceivedOn", receivedOn)
        .putValue("reportSummary", "Bilan d'essai")
        .putValue("finalReportDecision", approved ? "APPROVED" : "REJECTED");
    completeAs(AGENT, task(GrantAgreementProcess.TASK_RECEIVE_FINAL, pi), vars);
    ProcessTestSupport.executeDueJobs(engine);
  }

  /** "Constater le service fait" with the given quantity per code. */
  public void serviceRendered(ProcessInstance pi, Map<String, Object> quantities, String on) {
    assertThat(pi).isWaitingAt(GrantAgreementProcess.TASK_CERTIFY_SERVICE);
    StringBuilder json = new StringBuilder("[");
    quantities.forEach((code, value) -> json.append(json.length() > 1 ? "," : "")
        .append("{\"code\":\"").append(code).append("\",\"label\":\"").append(code).append("\",\"value\":")
        .append(value).append('}'));
    json.append(']');
    completeAs(AGENT, task(GrantAgreementProcess.TASK_CERTIFY_SERVICE, pi), Variables.createVariables()
        .putValueTyped("quantities", SpinValues.jsonValue(json.toString()).create())
        .putValue("serviceRenderedOn", on));
    ProcessTestSupport.executeDueJobs(engine);
  }

  public Long agreementId(ProcessInstance pi) {
    return ((Number) engine.getRuntimeService().getVariable(pi.getId(), "agreementId")).longValue();
  }

  public Long agreementIdOf(String applicationReference) {
    return repository.findByApplicationReference(applicationReference).orElseThrow().getId();
  }

  public GrantAgreement agreement(Long id) {
    return agreements.get(id);
  }

  public List<Payment> payments(Long agreementId) {
    return payments.ofAgreement(agreementId);
  }

  /** A SIRET whose 14 digits pass the Luhn check. */
  static String siret(int n) {
    String base = String.format("9%012d", n);
    for (int check = 0; check < 10; check++) {
      String candidate = base + check;
      if (luhn(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException();
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }
}
