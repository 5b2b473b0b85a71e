package fr.pasdecalais.habitat.aap.demo;

import static fr.pasdecalais.habitat.aap.shared.ParisDateTime.PARIS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.application.ApplicationRepository;
import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinition;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallJuryMember;
import fr.pasdecalais.habitat.aap.call.CallLifecycle;
import fr.pasdecalais.habitat.aap.call.CallLot;
import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo data (only with {@code aap.demo-data.enabled}), after {@link DemoDossiers}: two fictitious
 * 2026 editions of catalogue calls ({@code demo-calls/*.yaml}) whose windows are over, driven for
 * real through the processes as agents would, so that the secretariat and finance accounts find work:
 * <ul>
 *   <li>{@code AAP-2026-ASTRE}: dossiers received by post within the window, instructed, scored by
 *       the jury, synthesis done and report to the assembly prepared: waits at "Enregistrer la
 *       délibération" ({@code secretariat-assemblee});</li>
 *   <li>{@code AAP-2026-LOGEMENT-JEUNES}: deliberation adopted, one dossier granted, convention signed:
 *       its advance waits at "Valider le mandatement" ({@code finances}).</li>
 * </ul>
 * The call is created as a draft first, its dossiers recorded, then its process started (the lots'
 * timers are already due, so the call closes with its candidates). Idempotent: a call that exists is
 * left alone.
 */
@ConditionalOnProperty(prefix = "aap.demo-data", name = "enabled", havingValue = "true")
@Component
public class DemoPastCalls {

  private static final Logger LOG = LoggerFactory.getLogger(DemoPastCalls.class);
  private static final String AGENT = "camille.martin";
  private static final String SECRETARIAT = "isabelle.moreau";

  /** How far a demo call is driven. */
  public enum Stage {
    /** Report to the assembly prepared: the secretariat records the deliberation. */
    AWAITING_DELIBERATION,
    /** Deliberation adopted, the first dossier granted and its convention signed: finance validates the advance. */
    ADVANCE_TO_MANDATE
  }

  static final Map<String, Stage> FILES = new LinkedHashMap<>(Map.of(
      "demo-calls/aap-2026-astre.yaml", Stage.AWAITING_DELIBERATION,
      "demo-calls/aap-2026-logement-jeunes.yaml", Stage.ADVANCE_TO_MANDATE));

  private record DemoOrganization(String siret, String name, String legalForm, String city, String postalCode,
      String representative) {}

  /** Fictitious organisations; SIRETs with a valid Luhn key. */
  private static final List<DemoOrganization> ORGANIZATIONS = List.of(
      new DemoOrganization("90067890100001", "Habitat et Insertion de l'Artois", "Association loi 1901", "Béthune", "62400", "Nathalie Deprez"),
      new DemoOrganization("90078901200003", "Logis du Ternois", "Société anonyme d'HLM", "Saint-Pol-sur-Ternoise", "62130", "Bruno Lefebvre"),
      new DemoOrganization("90089012300004", "Solidarité Logement Lens-Liévin", "Association loi 1901", "Lens", "62300", "Karima Haddad"));

  /** Marks per dossier and jury member, on the call's criteria in order (capped by their top mark). */
  private static final int[][] MARKS = {{5, 4, 4, 4}, {4, 3, 3, 2}, {2, 2, 3, 1}};

  private final CallDefinitionReader reader;
  private final CallCatalog calls;
  private final CallLifecycle lifecycle;
  private final ApplicationRepository applications;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final ObjectMapper json;

  public DemoPastCalls(CallDefinitionReader reader, CallCatalog calls,
      CallLifecycle lifecycle, ApplicationRepository applications, RuntimeService runtime, TaskService tasks,
      ManagementService management, IdentityService identity, ObjectMapper json) {
    this.reader = reader;
    this.calls = calls;
    this.lifecycle = lifecycle;
    this.applications = applications;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
    this.json = json;
  }

  @EventListener
  @Order(40)
  public void onApplicationReady(ApplicationReadyEvent event) {
    try {
      load();
    } catch (RuntimeException e) {
      LOG.warn("Appels 2026 de démonstration non chargés : {}", e.getMessage(), e);
    }
  }

  /** Loads the demo calls of {@link #FILES}; returns how many were created. */
  public int load() {
    int created = 0;
    for (Map.Entry<String, Stage> file : FILES.entrySet()) {
      if (load(read(file.getKey()), file.getValue())) {
        created++;
      }
    }
    return created;
  }

  static String yaml(String resource) {
    try {
      return new ClassPathResource(resource).getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CallDefinition read(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return reader.read(resource, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates the call and drives it to {@code stage}; false (nothing done) when the call exists. */
  public boolean load(CallDefinition definition, Stage stage) {
    if (calls.findByReference(definition.reference()).isPresent()) {
      return false;
    }
    CallForProjects call = lifecycle.create(definition, false);
    String ref = call.getReference();
    CallLot lot = call.getLots().get(0);
    List<String> dossiers = new ArrayList<>();
    for (int i = 0; i < ORGANIZATIONS.size(); i++) {
      dossiers.add(receive(call, lot, ORGANIZATIONS.get(i), i));
    }
    for (String dossier : dossiers) {
      complete(dossier, ApplicationProcess.TASK_CHECK_COMPLETENESS, AGENT, Map.of("complete", "true"));
      complete(dossier, ApplicationProcess.TASK_CHECK_ELIGIBILITY, AGENT, Map.of("eligible", "true"));
    }
    // the call's process: published now, its lot's window is over, so it closes with its candidates
    lifecycle.startProcess(ref);
    List<String> jury = call.getJury().stream().map(CallJuryMember::getUserId).toList();
    LocalDate today = LocalDate.ofInstant(EngineClock.now(), PARIS);
    complete(ref, CallProcess.TASK_ORGANISE_JURY, AGENT, Map.of(
        CallProcess.VAR_JURY_SESSION_DATE, lot.getClosesAt().atZoneSameInstant(PARIS).toLocalDate().plusWeeks(6)
            + "T09:30:00+02:00",
        // every opinion is given below: a deadline still ahead keeps the deadline timers out of the way
        ProcessContract.VAR_OPINION_DEADLINE, today.plusDays(14).toString(),
        ProcessContract.VAR_JURY_MEMBERS, Spin.JSON(json.valueToTree(jury).toString())));
    for (int d = 0; d < dossiers.size(); d++) {
      for (String member : jury) {
        opinion(dossiers.get(d), member, MARKS[d], call.getSelectionCriteria().size());
      }
    }
    Task synthesisTask = await(ref, CallProcess.TASK_SYNTHESIS);
    complete(ref, CallProcess.TASK_SYNTHESIS, AGENT, Map.of(CallProcess.VAR_PROPOSALS,
        Spin.JSON(synthesis(synthesisTask.getProcessInstanceId(), lot.getBudget()))));
    boolean deliberated = stage == Stage.ADVANCE_TO_MANDATE;
    LocalDate session = deliberated ? LocalDate.of(2026, 9, 28) : LocalDate.of(2026, 12, 14);
    complete(ref, CallProcess.TASK_PREPARE_REPORT, AGENT, Map.of("assemblySessionDate", session.toString(),
        "reportNote", "Rapport présenté par la direction de l'habitat.", "reportSent", true));
    await(ref, CallProcess.TASK_RECORD_DELIBERATION);
    if (deliberated) {
      Map<String, Object> deliberation = new HashMap<>(Map.of("deliberationNumber", "2026-" + (100 + Math.floorMod(ref.hashCode(), 90000)),
          "deliberationDate", session.toString(), "votesFor", 42, "votesAgainst", 0, "votesAbstention", 2, "votesAbsent", 3));
      deliberation.put(CallProcess.VAR_DELIBERATION_ADOPTED, "true");
      complete(ref, CallProcess.TASK_RECORD_DELIBERATION, SECRETARIAT, deliberation);
      if (!tasks.createTaskQuery().processInstanceBusinessKey(ref).taskDefinitionKey(CallProcess.TASK_RECORD_DELIBERATION)
          .list().isEmpty()) {
        throw new IllegalStateException("Délibération refusée pour " + ref);
      }
      String granted = dossiers.get(0);
      BigDecimal amount = applications.findByReference(granted).orElseThrow().getRequestedAmount();
      complete(granted, GrantAgreementProcess.TASK_PREPARE, AGENT, Map.of("agreementAmount", amount.doubleValue(),
          "agreementUnits", "30 jeunes logés", "decisionDate", session.toString(), "termsChecked", true));
      complete(granted, GrantAgreementProcess.TASK_RECORD_SIGNATURES, AGENT,
          Map.of("operatorSignedOn", "2026-11-09", "presidentSignedOn", "2026-11-16"));
      await(granted, GrantAgreementProcess.TASK_VALIDATE_ADVANCE);
    }
    LOG.info("Appel de démonstration {} : {} dossiers ({}), étape {}", ref, dossiers.size(), String.join(", ", dossiers), stage);
    return true;
  }

  /** "Enregistrer une candidature reçue" (Tasklist start form), received within the lot's window. */
  private String receive(CallForProjects call, CallLot lot, DemoOrganization o, int index) {
    Map<String, Object> form = new HashMap<>();
    form.put(ProcessContract.VAR_CALL_REFERENCE, call.getReference());
    form.put(ProcessContract.VAR_LOT_CODE, lot.getCode());
    form.put("receivedAt", lot.getOpensAt().atZoneSameInstant(PARIS).toLocalDate().plusDays(10L + 7L * index)
        + "T10:30");
    form.put("siret", o.siret());
    form.put("organizationName", o.name());
    form.put("legalForm", o.legalForm());
    form.put("holderType", call.getEligibleHolderTypes().isEmpty() ? "Association" : call.getEligibleHolderTypes().get(0));
    form.put("approvals", String.join("\n", call.getRequiredAgrements()));
    form.put("street", "12 rue de la République");
    form.put("postalCode", o.postalCode());
    form.put("city", o.city());
    form.put("email", "contact@" + o.siret() + ".demo.invalid");
    form.put("legalRepresentative", o.representative());
    form.put("territories", lot.getTerritories().get(0));
    BigDecimal requested = lot.fundingRule().amount() != null ? lot.fundingRule().amount()
        : new BigDecimal("12600.00");
    form.put("requestedAmount", requested.subtract(BigDecimal.valueOf(1500L * index)).doubleValue());
    form.put("requestedUnits", 6L);
    form.put("summary", "Projet de démonstration présenté par " + o.name() + " (" + o.city() + ").");
    identity.setAuthentication(AGENT, List.of(Groups.INSTRUCTEURS));
    ProcessInstance pi;
    try {
      pi = runtime.startProcessInstanceByKey(ApplicationProcess.KEY, form);
    } finally {
      identity.clearAuthentication();
    }
    String reference = runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey();
    runJobs(reference);
    return reference;
  }

  private void opinion(String dossier, String member, int[] marks, int criteria) {
    Task conflict = await(dossier, "Task_DeclareConflict", member);
    tasks.complete(conflict.getId(), Map.of("conflictOfInterest", false));
    runJobs(dossier);
    Task opinion = await(dossier, "Task_GiveOpinion", member);
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < criteria; i++) {
      vars.put("score" + (i + 1), marks[i % marks.length]);
    }
    vars.put("avis", marks[0] >= 3 ? "FAVORABLE" : "DEFAVORABLE");
    vars.put("opinionComment", marks[0] >= 3 ? "Projet solide, partenariats établis." : "Méthode d'accompagnement peu détaillée.");
    tasks.complete(opinion.getId(), vars);
    runJobs(dossier);
  }

  /**
   * The synthesis form as an agent fills it: the best-ranked dossiers granted within the envelope
   * ({@code selectionInstanceId}: the call's selection, where the task is).
   */
  private String synthesis(String selectionInstanceId, BigDecimal budget) {
    try {
      ArrayNode proposals = (ArrayNode) json.readTree(runtime.getVariableTyped(selectionInstanceId, CallProcess.VAR_PROPOSALS)
          .getValue().toString());
      BigDecimal left = budget;
      for (JsonNode p : proposals) {
        BigDecimal requested = p.hasNonNull("requestedAmount") ? p.get("requestedAmount").decimalValue() : BigDecimal.ZERO;
        boolean granted = p.path("weightedScore").asDouble() >= 50 && requested.signum() > 0 && requested.compareTo(left) <= 0;
        ((ObjectNode) p).put("granted", granted);
        if (granted) {
          ((ObjectNode) p).put("proposedAmount", requested).put("proposedUnits", 6);
          left = left.subtract(requested);
        } else {
          ((ObjectNode) p).put("reason", "Projet moins bien classé que les dossiers retenus, dans la limite de l'enveloppe.");
        }
      }
      return proposals.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void complete(String businessKey, String taskKey, String user, Map<String, Object> variables) {
    Task task = await(businessKey, taskKey, null);
    tasks.claim(task.getId(), user);
    tasks.complete(task.getId(), variables);
    runJobs(businessKey);
  }

  private Task await(String businessKey, String taskKey) {
    return await(businessKey, taskKey, null);
  }

  /**
   * The task, once the pending asynchronous steps have run (here, or by the job executor when it is on);
   * fails after about 30 seconds.
   */
  private Task await(String businessKey, String taskKey, String assignee) {
    for (int attempt = 0; attempt < 60; attempt++) {
      var query = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey);
      if (assignee != null) {
        query.taskAssignee(assignee);
      }
      List<Task> found = query.list();
      if (!found.isEmpty()) {
        return found.get(0);
      }
      if (!runJobs(businessKey)) {
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    List<String> waiting = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
        .flatMap(pi -> runtime.getActiveActivityIds(pi.getId()).stream()).toList();
    throw new IllegalStateException("Tâche " + taskKey + " introuvable pour " + businessKey + " (en attente : " + waiting
        + ", jobs en échec : " + management.createJobQuery().withException().count() + ")");
  }

  /** Runs the due jobs (asynchronous steps, timers already due) of the instances with this business key. */
  private boolean runJobs(String businessKey) {
    boolean ran = false;
    for (int round = 0; round < 20; round++) {
      List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
          .stream().map(ProcessInstance::getId).toList();
      List<Job> due = instances.stream()
          .flatMap(id -> management.createJobQuery().processInstanceId(id).executable().list().stream())
          .toList();
      if (due.isEmpty()) {
        return ran;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
          ran = true;
        } catch (ProcessEngineException e) {
          // taken by the job executor meanwhile: it finishes it
          LOG.debug("Job {} de {} : {}", job.getId(), businessKey, e.getMessage());
        }
      }
    }
    return ran;
  }
}
