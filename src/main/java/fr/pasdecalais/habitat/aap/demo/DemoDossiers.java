package fr.pasdecalais.habitat.aap.demo;

import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.application.ApplicationRepository;
import fr.pasdecalais.habitat.aap.application.ApplicationRequest;
import fr.pasdecalais.habitat.aap.application.Submissions;
import fr.pasdecalais.habitat.aap.application.DocumentService;
import fr.pasdecalais.habitat.aap.application.OrganizationMember;
import fr.pasdecalais.habitat.aap.application.OrganizationMemberRepository;
import fr.pasdecalais.habitat.aap.application.OrganizationRepository;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallJuryMember;
import fr.pasdecalais.habitat.aap.call.CallLot;
import fr.pasdecalais.habitat.aap.call.JurySession;
import fr.pasdecalais.habitat.aap.call.JurySessionRepository;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data (only with {@code aap.demo-data.enabled}): a handful of fictitious dossiers on the call
 * open today, at different stages, so that every demo account finds work in Tasklist, and a partner
 * account {@code asso.habitat} (password {@code demo}) acting for the first organisation.
 * Idempotent: nothing is done when the call already has dossiers.
 */
@ConditionalOnProperty(prefix = "aap.demo-data", name = "enabled", havingValue = "true")
@Component
public class DemoDossiers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoDossiers.class);
  public static final String PARTNER_USER = "asso.habitat";

  private final IdentitySetup identitySetup;
  private final CallCatalog calls;
  private final Submissions service;
  private final ApplicationRepository applications;
  private final OrganizationRepository organizations;
  private final OrganizationMemberRepository members;
  private final DocumentService documents;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final JurySessionRepository sessions;

  public DemoDossiers(IdentitySetup identitySetup, CallCatalog calls,
      Submissions service, ApplicationRepository applications, OrganizationRepository organizations,
      OrganizationMemberRepository members, DocumentService documents, RuntimeService runtime, TaskService tasks,
      ManagementService management, JurySessionRepository sessions) {
    this.identitySetup = identitySetup;
    this.calls = calls;
    this.service = service;
    this.applications = applications;
    this.organizations = organizations;
    this.members = members;
    this.documents = documents;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.sessions = sessions;
  }

  @EventListener
  @Order(30)
  public void onApplicationReady(ApplicationReadyEvent event) {
    try {
      load();
    } catch (RuntimeException e) {
      LOG.warn("Dossiers de démonstration non chargés : {}", e.getMessage(), e);
    }
  }

  private record DemoOrganization(String siret, String name, String legalForm, String city, String postalCode,
      String representative, boolean agrement) {}

  /** Fictitious organisations; SIRETs with a valid Luhn key. */
  private static final List<DemoOrganization> ORGANIZATIONS = List.of(
      new DemoOrganization("90012345600007", "Habitat Solidaire Côte d'Opale", "Association loi 1901", "Boulogne-sur-Mer", "62200", "Martine Caron", true),
      new DemoOrganization("90023456700007", "Les Toits de l'Audomarois", "Association loi 1901", "Saint-Omer", "62500", "Hervé Delattre", true),
      new DemoOrganization("90034567800008", "Rénov'Accompagnement Calaisis", "Société coopérative d'intérêt collectif", "Calais", "62100", "Samia Boukhari", false),
      new DemoOrganization("90045678900008", "Maison de l'Habitat du Montreuillois", "Association loi 1901", "Montreuil-sur-Mer", "62170", "Jean-Luc Vasseur", true),
      new DemoOrganization("90056789000000", "Énergie et Logement Boulonnais", "Association loi 1901", "Outreau", "62230", "Chantal Lemaire", true));

  /** Creates the demo dossiers; returns how many. */
  public int load() {
    Instant now = EngineClock.now();
    Optional<CallForProjects> open = calls.findAll().stream()
        .filter(c -> c.getLots().stream().anyMatch(l -> l.isOpenAt(now))).findFirst();
    if (open.isEmpty()) {
      LOG.info("Dossiers de démonstration : aucun appel ouvert aujourd'hui.");
      return 0;
    }
    return load(open.get());
  }

  /** Creates the demo dossiers on this call (one of its lots must be open now); returns how many. */
  public int load(CallForProjects call) {
    Instant now = EngineClock.now();
    if (!applications.findByCallReferenceOrderByReference(call.getReference()).isEmpty()) {
      return 0;
    }
    CallLot lot = call.getLots().stream().filter(l -> l.isOpenAt(now)).findFirst().orElseThrow();
    String territory = lot.getTerritories().get(0);
    identitySetup.ensureUser(PARTNER_USER, "Martine", "Caron", DemoUsers.PASSWORD, Groups.PORTEURS);
    Caller agent = new Caller("camille.martin", Set.of(Groups.INSTRUCTEURS));
    List<String> refs = new ArrayList<>();
    for (DemoOrganization o : ORGANIZATIONS) {
      ApplicationRequest request = new ApplicationRequest(new ApplicationRequest.OrganizationData(o.siret(), o.name(),
          o.legalForm(), call.getEligibleHolderTypes().isEmpty() ? "Association" : call.getEligibleHolderTypes().get(0),
          o.agrement() ? call.getRequiredAgrements() : List.of(), "1 place de la Mairie", o.postalCode(), o.city(),
          "contact@" + o.siret() + ".demo.invalid", o.representative()), lot.getCode(), List.of(territory),
          new BigDecimal("12600.00"), 6, "Accompagnement social de 6 ménages propriétaires occupants très modestes "
              + "pendant leurs travaux de rénovation énergétique (" + o.city() + ").");
      refs.add(service.submit(call.getReference(), request, agent).application().getReference());
    }
    organizations.findBySiret(ORGANIZATIONS.get(0).siret()).ifPresent(org -> {
      if (!members.existsByUserIdAndOrganizationId(PARTNER_USER, org.getId())) {
        members.save(new OrganizationMember(PARTNER_USER, org.getId()));
      }
    });
    Caller partner = new Caller(PARTNER_USER, Set.of(Groups.PORTEURS));
    byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    documents.upload(refs.get(0), "PROJET", "presentation-projet.pdf", pdf, partner);
    // 1st dossier: waits for the completeness check (instructeurs)
    // 2nd: in regularisation, waiting for the budget
    complete(refs.get(1), TASK_CHECK_COMPLETENESS, "julien.bernard", Map.of("complete", "false",
        "missingPieces", SpinValues.jsonValue("[\"BUDGET\"]").create(), "missingReason", "MISSING",
        "completenessComment", "Le budget prévisionnel n'est pas joint."));
    // 3rd: complete, waits for the eligibility check (the automatic checks flag the missing agrément)
    complete(refs.get(2), TASK_CHECK_COMPLETENESS, "camille.martin", Map.of("complete", "true"));
    // 4th and 5th: eligible, the jury is convened: one opinion task per jury member of the call
    for (String ref : refs.subList(3, 5)) {
      complete(ref, TASK_CHECK_COMPLETENESS, "camille.martin", Map.of("complete", "true"));
      complete(ref, TASK_CHECK_ELIGIBILITY, "julien.bernard", Map.of("eligible", "true"));
    }
    List<String> jury = new ArrayList<>(call.getJury().stream().map(CallJuryMember::getUserId).toList());
    if (!jury.isEmpty()) {
      Date deadline = Date.from(now.plus(21, ChronoUnit.DAYS));
      // a real session of the call: an opinion is only opened for a member who sits in it
      JurySession session = sessions.save(new JurySession(call, now.plus(28, ChronoUnit.DAYS).atOffset(java.time.ZoneOffset.UTC),
          deadline.toInstant().atOffset(java.time.ZoneOffset.UTC), call.getJury(), "camille.martin", now));
      for (String ref : refs.subList(3, 5)) {
        runtime.createMessageCorrelation(MSG_JURY_CONVENED).processInstanceBusinessKey(ref)
            .setVariable(VAR_JURY_MEMBERS, jury).setVariable(VAR_OPINION_DEADLINE, deadline)
            .setVariable(VAR_JURY_SESSION_ID, session.getId()).correlateAllWithResult();
        runJobs(ref);
      }
    }
    LOG.info("Dossiers de démonstration : {} dossiers sur l'appel {} ({}), compte porteur « {} »", refs.size(),
        call.getReference(), String.join(", ", refs), PARTNER_USER);
    return refs.size();
  }

  private void complete(String reference, String taskKey, String user, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("Tâche " + taskKey + " introuvable pour " + reference);
    }
    tasks.claim(task.getId(), user);
    tasks.complete(task.getId(), variables);
    runJobs(reference);
  }

  /** Runs the dossier's pending asynchronous steps now, so the next step of the demo finds its task. */
  private void runJobs(String reference) {
    for (int round = 0; round < 20; round++) {
      List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()
          .stream().map(ProcessInstance::getId).toList();
      List<Job> due = instances.stream()
          .flatMap(id -> management.createJobQuery().processInstanceId(id).executable().messages().list().stream())
          .toList();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (ProcessEngineException e) {
          // taken by the job executor meanwhile: it will finish it
          LOG.debug("Job {} du dossier {} : {}", job.getId(), reference, e.getMessage());
        }
      }
    }
  }
}
