package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import fr.pasdecalais.habitat.aap.support.TestMailServer;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Tasklist start form "Enregistrer une candidature reçue": a dossier received by post, judged on its time of receipt. */
@SpringScenarioTest
class ReceivedApplicationStartFormTest {

  @Autowired ProcessEngine engine;
  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;
  @Autowired ApplicationService service;
  @Autowired ApplicationRepository applications;
  @Autowired ApplicationEventRepository events;

  CallForProjects call;
  String email;

  @BeforeEach
  void setUp() {
    ProcessTestSupport.init(engine);
    call = new Dossiers(catalog, reader, service).call(true);
    email = Dossiers.email();
    clock("2023-06-02T09:00:00");
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
    ProcessTestSupport.resetClock();
  }

  private Map<String, Object> form(String siret, String receivedAt) {
    Map<String, Object> v = new HashMap<>();
    v.put("callReference", call.getReference());
    v.put("receivedAt", receivedAt);
    v.put("siret", siret);
    v.put("organizationName", "Association Logis Artois");
    v.put("legalForm", "Association loi 1901");
    v.put("holderType", Dossiers.HOLDER_TYPE);
    v.put("approvals", Dossiers.AGREMENT + "\nAgrément intermédiation locative (L.365-4 CCH)");
    v.put("street", "5 rue de la Gare");
    v.put("postalCode", "62400");
    v.put("city", "Béthune");
    v.put("email", email);
    v.put("legalRepresentative", "Paul Dumont");
    v.put("territories", "ARTOIS, CABBALR");
    v.put("requestedAmount", 21000.5);
    v.put("requestedUnits", 10L);
    v.put("summary", "Accompagnement de 10 ménages.");
    return v;
  }

  private ProcessInstance startAs(String user, Map<String, Object> variables) {
    // as Tasklist does for an agent of the group "instructeurs" (authorizations are on)
    engine.getIdentityService().setAuthentication(user, java.util.List.of(fr.pasdecalais.habitat.aap.identity.Groups.INSTRUCTEURS));
    try {
      return engine.getRuntimeService().startProcessInstanceByKey(KEY, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void dossierReceivedByPostBeforeTheClosingIsRegisteredAndInstructed() {
    // received on the last day, typed in two days later: judged on the time of receipt
    ProcessInstance pi = startAs("julien.bernard", form(Dossiers.siret(), "2023-05-31T16:30"));

    Application a = applications.findByReference(pi.getBusinessKey()).orElseThrow();
    assertThat(a.getReference()).startsWith(call.getReference() + "-");
    assertThat(a.getChannel()).isEqualTo(Application.Channel.POSTAL);
    assertThat(a.getReceivedAt()).hasToString("2023-05-31T14:30:00Z");
    assertThat(a.getOrganization().getApprovals()).containsExactly(Dossiers.AGREMENT, "Agrément intermédiation locative (L.365-4 CCH)");
    assertThat(a.getTerritories()).containsExactly("ARTOIS", "CABBALR");
    assertThat(a.getRequestedAmount()).hasToString("21000.50");
    assertThat(a.getProcessInstanceId()).isEqualTo(pi.getId());
    assertThat(pi).isWaitingAt(CALL_INSTRUCTION).variables()
        .containsEntry(VAR_REFERENCE, a.getReference()).containsEntry(VAR_ORGANIZATION_NAME, "Association Logis Artois")
        .containsEntry(VAR_LATE, false);
    assertThat(events.findByApplicationIdOrderByOccurredAtAscIdAsc(a.getId())).singleElement().satisfies(e -> {
      assertThat(e.getActor()).isEqualTo("julien.bernard");
      assertThat(e.getDescription()).startsWith("Candidature reçue par courrier ou courriel, enregistrée le 31/05/2023 à 16h30");
    });
  }

  @Test
  void dossierReceivedAfterTheClosingIsIrrecevable() {
    ProcessInstance pi = startAs("julien.bernard", form(Dossiers.siret(), "2023-06-01T09:15"));
    executeDueJobs(engine);

    assertThat(pi).isEnded().hasPassed(END_LATE);
    assertThat(applications.findByReference(pi.getBusinessKey()).orElseThrow().getState()).isEqualTo(ApplicationState.LATE);
    assertThat(TestMailServer.messagesTo(email)).hasSize(1);
  }

  @Test
  void invalidFormIsRefusedWithTheFrenchReasonsAndNothingIsStored() {
    Map<String, Object> bad = form("12345678901234", "2023-05-02T10:00");
    bad.put("email", "pas-une-adresse");
    long before = applications.count();
    assertThatThrownBy(() -> startAs("julien.bernard", bad))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Candidature non enregistrée")
        .hasMessageContaining("organization.siret : Le SIRET doit comporter 14 chiffres")
        .hasMessageContaining("organization.email : L'adresse électronique n'est pas valide.");
    assertThat(applications.count()).isEqualTo(before);

    assertThatThrownBy(() -> startAs("julien.bernard", form(Dossiers.siret(), "2023-03-02T10:00")))
        .hasMessageContaining("n'est pas encore ouvert aux candidatures");
  }
}
