package fr.pasdecalais.habitat.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationRequest;
import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.application.SiretValidator;
import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallLifecycle;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentService;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A full lifecycle of the product, through the services a user's actions go through and with the
 * variables the forms submit: a call published (the real ASTRE 2023 file, window open now, closing
 * {@link #CLOSING_DELAY_SECONDS} s later), one dossier submitted, complete and eligible, the lot's
 * closing timer, a jury of 3 (conflict declaration and opinion each), synthesis, report, deliberation,
 * the convention prepared and signed, the 80 % advance mandated, the final report, service fait, the
 * balance mandated, and the call's final review. It ends when the call, the dossier and its
 * convention have all ended, and the payments are checked to the cent (26 880,00 + 6 720,00 €).
 */
public final class ProductLifecycle implements Lifecycle {

  public static final int CLOSING_DELAY_SECONDS = 10;
  public static final String[] JURORS = {"bench-jure-1", "bench-jure-2", "bench-jure-3"};
  static final String AGENT = "bench-agent";
  static final String SECRETARY = "bench-secretariat";
  static final String FINANCE = "bench-finances";
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final AtomicLong DELIBERATIONS = new AtomicLong();
  private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

  private final ProcessEngine engine;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdentityService identity;
  private final CallLifecycle calls;
  private final CallDefinitionReader reader;
  private final ApplicationService applications;
  private final PaymentService payments;
  private final ObjectMapper json = new ObjectMapper();
  private final String template;

  public ProductLifecycle(ProductNode node) {
    this.engine = node.bean(ProcessEngine.class);
    this.tasks = engine.getTaskService();
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
    this.identity = engine.getIdentityService();
    this.calls = node.bean(CallLifecycle.class);
    this.reader = node.bean(CallDefinitionReader.class);
    this.applications = node.bean(ApplicationService.class);
    this.payments = node.bean(PaymentService.class);
    IdentitySetup users = node.bean(IdentitySetup.class);
    users.ensureUser(AGENT, "Agent", "Banc d'essai", "demo-bench", Groups.INSTRUCTEURS);
    users.ensureUser(SECRETARY, "Secrétariat", "Banc d'essai", "demo-bench", Groups.SECRETARIAT);
    users.ensureUser(FINANCE, "Finances", "Banc d'essai", "demo-bench", Groups.FINANCES);
    for (int i = 0; i < JURORS.length; i++) {
      users.ensureUser(JURORS[i], "Juré " + (i + 1), "Banc d'essai", "demo-bench", Groups.JURY);
    }
    try (InputStream in = ProductLifecycle.class.getResourceAsStream("/calls/aap-2023-astre.yaml")) {
      this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void run(Recorder r) throws Exception {
    long n = SEQ.incrementAndGet();
    String ref = "AAP-BENCH-" + n;
    LocalDateTime now = LocalDateTime.now(PARIS).withNano(0);
    LocalDate today = now.toLocalDate();
    String yaml = template
        .replace("reference: AAP-2023-ASTRE", "reference: " + ref)
        .replace("opensAt: \"2023-04-01T00:00:00\"", "opensAt: \"" + now.minusDays(1) + "\"")
        .replace("closesAt: \"2023-05-31T23:59:59\"", "closesAt: \"" + now.plusSeconds(CLOSING_DELAY_SECONDS) + "\"")
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
    calls.create(reader.read(ref + ".yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))), true);

    // a dossier, submitted while the window is open
    String siret = siret(n);
    var request = new ApplicationRequest(new ApplicationRequest.OrganizationData(siret, "Association Banc d'essai " + n,
        "Association loi 1901", "Organisme agréé", List.of("Agrément ingénierie sociale, financière et technique (L.365-1 CCH)"),
        "12 rue des Écoles", "62300", "Lens", "porteur-" + n + "@exemple.fr", "Marie Lefebvre"),
        "UNIQUE", List.of("LENS_HENIN"), new BigDecimal("42000.00"), 20,
        "Accompagnement social de 20 ménages propriétaires occupants pendant leurs travaux de rénovation énergétique.");
    ApplicationService.Submission submission = applications.submit(ref, request, new Caller(AGENT, Set.of(Groups.INSTRUCTEURS)));
    if (submission.late()) {
      throw new IllegalStateException("dossier de " + ref + " déposé après la clôture (machine saturée ?)");
    }
    Application a = submission.application();
    String app = a.getReference();

    complete(r, app, ApplicationProcess.TASK_CHECK_COMPLETENESS, AGENT, Groups.INSTRUCTEURS, true, vars("complete", "true"));
    complete(r, app, ApplicationProcess.TASK_CHECK_ELIGIBILITY, AGENT, Groups.INSTRUCTEURS, true, vars("eligible", "true",
        "eligibilityReason", "Critères d'éligibilité de l'appel vérifiés."));

    // the lot closes (timer): the call asks for the jury session
    String members = "[\"" + String.join("\",\"", JURORS) + "\"]";
    complete(r, ref, CallProcess.TASK_ORGANISE_JURY, AGENT, Groups.INSTRUCTEURS, true, Variables.createVariables()
        .putValue(CallProcess.VAR_JURY_SESSION_DATE, now.plusDays(7).atZone(PARIS).toOffsetDateTime().toString())
        .putValue(ProcessContract.VAR_OPINION_DEADLINE, today.plusDays(30).toString())
        .putValueTyped(ProcessContract.VAR_JURY_MEMBERS, SpinValues.jsonValue(members).create()));
    for (String juror : JURORS) {
      complete(r, app, "Task_DeclareConflict", juror, Groups.JURY, false, vars("conflictOfInterest", false));
      VariableMap opinion = Variables.createVariables().putValue("score1", 4).putValue("score2", 4).putValue("score3", 3)
          .putValue("score4", 4).putValue("avis", "FAVORABLE").putValue("opinionComment", "Projet solide, partenariats établis.");
      complete(r, app, "Task_GiveOpinion", juror, Groups.JURY, false, opinion);
    }

    // synthesis: the proposal as the agent edits it in the form
    TaskPush.Created synthesis = await(ref, CallProcess.TASK_SYNTHESIS, null);
    TaskPush.FORM_READS.incrementAndGet(); // the synthesis form shows the proposals
    ArrayNode proposals = (ArrayNode) json.readTree(runtime.getVariableTyped(synthesis.processInstanceId(),
        CallProcess.VAR_PROPOSALS).getValue().toString());
    ((ObjectNode) proposals.get(0)).put("granted", true).put("recommendation", "FAVORABLE")
        .put("proposedAmount", new BigDecimal("33600.00")).put("proposedUnits", 16);
    complete(r, synthesis, AGENT, Groups.INSTRUCTEURS, true, Variables.createVariables()
        .putValueTyped(CallProcess.VAR_PROPOSALS, SpinValues.jsonValue(proposals.toString()).create()));
    complete(r, ref, CallProcess.TASK_PREPARE_REPORT, AGENT, Groups.INSTRUCTEURS, true,
        vars("assemblySessionDate", today.toString(), "reportSent", true));
    Map<String, Object> deliberation = new HashMap<>(Map.of("deliberationNumber", deliberationNumber(today),
        "deliberationDate", today.toString(), "votesFor", 43, "votesAgainst", 0, "votesAbstention", 0, "votesAbsent", 1));
    deliberation.put(CallProcess.VAR_DELIBERATION_ADOPTED, "true");
    complete(r, ref, CallProcess.TASK_RECORD_DELIBERATION, SECRETARY, Groups.SECRETARIAT, true, deliberation);

    // the convention, the advance, the final report, service fait, the balance
    String day = today.toString();
    complete(r, app, GrantAgreementProcess.TASK_PREPARE, AGENT, Groups.INSTRUCTEURS, true, vars("agreementAmount", 33600.0,
        "agreementUnits", "16 mesures de 12 mois", "decisionDate", day, "periodStart", day,
        "periodEnd", today.plusYears(1).minusDays(1).toString(), "termsChecked", true));
    complete(r, app, GrantAgreementProcess.TASK_RECORD_SIGNATURES, AGENT, Groups.INSTRUCTEURS, true,
        vars("operatorSignedOn", day, "presidentSignedOn", day));
    complete(r, app, GrantAgreementProcess.TASK_VALIDATE_ADVANCE, FINANCE, Groups.FINANCES, true,
        vars("paymentDate", day, "mandateNumber", "M-A-" + n));
    TaskPush.Created finalReport = await(app, GrantAgreementProcess.TASK_RECEIVE_FINAL, null);
    TaskPush.FORM_READS.incrementAndGet(); // the final report's form shows the indicators
    String indicators = runtime.getVariableTyped(finalReport.executionId(), "indicators").getValue().toString();
    complete(r, finalReport, AGENT, Groups.INSTRUCTEURS, true, Variables.createVariables()
        .putValueTyped("indicators", SpinValues.jsonValue(indicators.replace("\"unit\":", "\"value\":12,\"unit\":")).create())
        .putValue("reportReceivedOn", day).putValue("reportSummary", "Bilan annuel : 16 ménages accompagnés.")
        .putValue("finalReportDecision", "APPROVED"));
    complete(r, app, GrantAgreementProcess.TASK_CERTIFY_SERVICE, AGENT, Groups.INSTRUCTEURS, true, Variables.createVariables()
        .putValueTyped("quantities", SpinValues.jsonValue("[{\"code\":\"MESURE_MOIS\",\"label\":\"Mois de mesure\",\"value\":192},"
            + "{\"code\":\"DIAGNOSTIC\",\"label\":\"Diagnostic\",\"value\":0}]").create())
        .putValue("serviceRenderedOn", day));
    complete(r, app, GrantAgreementProcess.TASK_VALIDATE_BALANCE, FINANCE, Groups.FINANCES, true,
        vars("paymentDate", day, "mandateNumber", "M-S-" + n));

    // the dossier ended: the call's final review
    complete(r, ref, CallProcess.TASK_FINAL_REVIEW, AGENT, Groups.INSTRUCTEURS, true,
        vars("reviewComment", "Appel soldé : un dossier conventionné, avance et solde versés."));
    TaskPush.awaitEnd("fin des processus de " + ref, () -> history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyIn(ref, app).unfinished().count() == 0, ref, app);
    TaskPush.VERIFICATIONS.addAndGet(3); // the agreement's instance, its id, its payments
    checkPayments(a);
    r.ended();
  }

  private void checkPayments(Application a) {
    Long agreementId = (Long) history.createHistoricVariableInstanceQuery().processInstanceIdIn(
            history.createHistoricProcessInstanceQuery().processDefinitionKey(GrantAgreementProcess.KEY)
                .processInstanceBusinessKey(a.getReference()).singleResult().getId())
        .variableName("agreementId").singleResult().getValue();
    BigDecimal paid = BigDecimal.ZERO;
    for (Payment p : payments.ofAgreement(agreementId)) {
      paid = paid.add(p.getAmount());
    }
    if (paid.compareTo(new BigDecimal("33600.00")) != 0) {
      throw new IllegalStateException("versements de " + a.getReference() + " : " + paid + " € au lieu de 33 600,00 €");
    }
  }

  /** The task, pushed once its creation is committed (no database read; a slow fallback poll is counted). */
  private TaskPush.Created await(String businessKey, String taskKey, String assignee) throws InterruptedException {
    return TaskPush.awaitTask(businessKey, taskKey, assignee, () -> {
      var q = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey);
      if (assignee != null) {
        q.taskAssignee(assignee);
      }
      List<Task> found = q.listPage(0, 1);
      return found.isEmpty() ? null : new TaskPush.Created(found.get(0).getId(), found.get(0).getProcessInstanceId(),
          found.get(0).getExecutionId());
    });
  }

  private void complete(Recorder r, String businessKey, String taskKey, String user, String group, boolean claim,
      Map<String, Object> variables) throws InterruptedException {
    complete(r, await(businessKey, taskKey, claim ? null : user), user, group, claim, variables);
  }

  /** As Tasklist does it: the user claims the task, then submits the form, authenticated. */
  private void complete(Recorder r, TaskPush.Created task, String user, String group, boolean claim,
      Map<String, Object> variables) {
    AsTasklist.complete(r, tasks, identity, task.id(), user, group, claim, variables);
  }

  private static VariableMap vars(Object... kv) {
    return AsTasklist.vars(kv);
  }

  /** "2026-326": at most 5 digits after the year, unique (the CP numbers its deliberations per year). */
  private static String deliberationNumber(LocalDate today) {
    long d = DELIBERATIONS.getAndIncrement();
    return (today.getYear() + d / 99_999) + "-" + (d % 99_999 + 1);
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
}
