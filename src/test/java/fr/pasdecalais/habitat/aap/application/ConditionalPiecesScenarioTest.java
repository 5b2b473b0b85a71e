package fr.pasdecalais.habitat.aap.application;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.TASK_AWAIT_PIECES;
import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.TASK_CHECK_COMPLETENESS;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.HolderType;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.JsonVariables;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pieces asked of one holder type only: the ASTRE call file with an association's Cerfa (asked of
 * associations) and the agrément (asked of the organismes agréés). The completeness check shows and
 * accepts only the pieces of the dossier's holder; a holder that did not state its type is asked all.
 */
@SpringScenarioTest
class ConditionalPiecesScenarioTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;
  @Autowired ApplicationService service;
  @Autowired ApplicationReading reading;
  @Autowired RegularizationRequestRepository regularizations;

  CallForProjects call;

  @BeforeEach
  void setUp() {
    ProcessTestSupport.init(engine);
    String reference = "AAP-PIECES-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    String yaml = Dossiers.astreYaml(reference);
    String agrement = "  - { code: AGREMENT, label: \"Agrément ingénierie sociale, financière et technique\", mandatory: true }";
    assertThat(yaml).contains(agrement);
    yaml = yaml.replace(agrement, agrement.replace(" }", ", holderTypes: [ORGANISME_AGREE] }")
        + "\n  - { code: CERFA_12156, label: \"Demande de subvention (Cerfa n° 12156) signée\", holderTypes: [ASSOCIATION] }");
    call = catalog.create(reader.read(reference + ".yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    clock("2023-04-10T10:00:00");
  }

  @AfterEach
  void resetClock() {
    engine.getIdentityService().clearAuthentication();
    ProcessTestSupport.resetClock();
  }

  @Test
  void anAssociationIsAskedItsCerfaAndNotTheAgrementThenRegularisesTheCerfa() {
    Application a = submit("ASSOCIATION");
    Task check = task(a, TASK_CHECK_COMPLETENESS);
    assertThat(offered(check)).contains("CERFA_12156", "BUDGET").doesNotContain("AGREMENT");
    assertThat((String) runtime.getVariable(check.getProcessInstanceId(), "piecesReceivedText"))
        .contains("Demande de subvention (Cerfa n° 12156) signée").doesNotContain("Agrément");
    assertThat(reading.view(a.getReference(), Dossiers.AGENT).pieces()).extracting(ApplicationReading.PieceStatus::code)
        .contains("CERFA_12156").doesNotContain("AGREMENT");
    assertThat(reading.view(a.getReference(), Dossiers.AGENT).organization().holderTypeCode()).isEqualTo("ASSOCIATION");

    // the agrément is not a piece of this dossier: the completion is refused, the task stays open
    assertThatThrownBy(() -> askAsAgent(check, "AGREMENT")).hasMessageContaining("n'est pas une pièce de cet appel");
    assertThat(task(a, TASK_CHECK_COMPLETENESS)).isNotNull();
    assertThat(regularizations.findByApplicationIdOrderByRequestedAtAscIdAsc(a.getId())).isEmpty();

    askAsAgent(task(a, TASK_CHECK_COMPLETENESS), "CERFA_12156");
    assertThat(task(a, TASK_AWAIT_PIECES)).isNotNull();
    assertThat(regularizations.findByApplicationIdOrderByRequestedAtAscIdAsc(a.getId())).singleElement()
        .satisfies(r -> assertThat(r.getDocumentTypes()).containsExactly("CERFA_12156"));
  }

  @Test
  void anApprovedBodyIsAskedItsAgrementAndNotTheAssociationsCerfa() {
    Application a = submit("ORGANISME_AGREE");
    assertThat(offered(task(a, TASK_CHECK_COMPLETENESS))).contains("AGREMENT").doesNotContain("CERFA_12156");
    askAsAgent(task(a, TASK_CHECK_COMPLETENESS), "AGREMENT");
    assertThat(regularizations.findByApplicationIdOrderByRequestedAtAscIdAsc(a.getId())).singleElement()
        .satisfies(r -> assertThat(r.getDocumentTypes()).containsExactly("AGREMENT"));
  }

  @Test
  void aHolderThatDidNotStateItsTypeIsAskedEveryPiece() {
    Application a = submit(null);
    assertThat(offered(task(a, TASK_CHECK_COMPLETENESS))).contains("AGREMENT", "CERFA_12156");
    assertThat(reading.view(a.getReference(), Dossiers.AGENT).organization().holderTypeCode()).isNull();
  }

  @Test
  void anUnknownHolderTypeIsRefusedAtFilingAndInACallsPieces() {
    assertThatThrownBy(() -> submit("ASSOC")).isInstanceOfSatisfying(DomainException.class, e ->
        assertThat(e.getFieldProblems()).anySatisfy(p -> {
          assertThat(p.field()).isEqualTo("organization.holderTypeCode");
          assertThat(p.message()).startsWith("Type de porteur inconnu");
        }));
    String yaml = Dossiers.astreYaml("AAP-PIECES-X").replace("mandatory: false }", "mandatory: false, holderTypes: [MUTUELLE, ASSOCIATION, ASSOCIATION] }");
    assertThatThrownBy(() -> catalog.create(reader.read("x.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))))
        .hasMessageContaining("requiredDocuments[4].holderTypes[0] : Type de porteur inconnu ; types possibles : "
            + "ASSOCIATION, ORGANISME_AGREE, BAILLEUR_SOCIAL, COLLECTIVITE, ETABLISSEMENT_PUBLIC.")
        .hasMessageContaining("requiredDocuments[4].holderTypes : Un type de porteur est cité deux fois pour la pièce « CV_INTERVENANTS ».");
    assertThat(HolderType.of("ASSOCIATION")).contains(HolderType.ASSOCIATION);
  }

  @Test
  void theLatestDossierThatStatesATypeSetsTheOrganisationsTypeAndOneWithoutKeepsIt() {
    String siret = Dossiers.siret();
    Application first = submit(siret, "ASSOCIATION");
    assertThat(reading.view(first.getReference(), Dossiers.AGENT).organization().holderTypeCode()).isEqualTo("ASSOCIATION");

    Application second = submit(siret, "ORGANISME_AGREE");
    assertThat(reading.view(second.getReference(), Dossiers.AGENT).organization().holderTypeCode()).isEqualTo("ORGANISME_AGREE");
    assertThat(offered(task(second, TASK_CHECK_COMPLETENESS))).contains("AGREMENT").doesNotContain("CERFA_12156");

    Application third = submit(siret, null);
    assertThat(reading.view(third.getReference(), Dossiers.AGENT).organization().holderTypeCode()).isEqualTo("ORGANISME_AGREE");
    assertThat(offered(task(third, TASK_CHECK_COMPLETENESS))).contains("AGREMENT").doesNotContain("CERFA_12156");
  }

  private Application submit(String holderType) {
    return submit(Dossiers.siret(), holderType);
  }

  private Application submit(String siret, String holderType) {
    ApplicationRequest base = Dossiers.request(siret, Dossiers.email(), true, List.of("LENS_HENIN"));
    ApplicationRequest.OrganizationData o = base.organization();
    ApplicationRequest request = new ApplicationRequest(new ApplicationRequest.OrganizationData(o.siret(), o.name(),
        o.legalForm(), o.holderType(), o.approvals(), o.street(), o.postalCode(), o.city(), o.email(),
        o.legalRepresentative(), holderType), base.lotCode(), base.territories(), base.requestedAmount(),
        base.requestedUnits(), base.summary());
    Application a = service.submit(call.getReference(), request, Dossiers.AGENT).application();
    executeDueJobs(engine);
    return a;
  }

  /** The pieces "Vérifier la complétude" offers to tick, as its form lists them. */
  private List<String> offered(Task task) {
    assertThat(task).as("Vérifier la complétude").isNotNull();
    List<String> codes = new ArrayList<>();
    JsonVariables.tree(tasks.getVariable(task.getId(), "requiredPieceOptions"))
        .forEach(o -> codes.add(o.path("value").asText()));
    return codes;
  }

  /** Completes "Vérifier la complétude" as an instructeur in Tasklist would (authenticated: the completion rules apply). */
  private void askAsAgent(Task task, String piece) {
    engine.getIdentityService().setAuthentication("camille.martin", List.of(Groups.INSTRUCTEURS));
    try {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), "camille.martin");
      }
      tasks.complete(task.getId(), Map.of("complete", "false",
          "missingPieces", SpinValues.jsonValue("[\"" + piece + "\"]").create(),
          "missingReason", "MISSING", "completenessComment", "Pièce absente."));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    executeDueJobs(engine);
  }

  private Task task(Application a, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(a.getReference()).taskDefinitionKey(key).singleResult();
  }
}
