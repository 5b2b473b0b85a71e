package fr.pasdecalais.habitat.aap.call;

import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.executeDueJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationRepository;
import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.application.ApplicationState;
import fr.pasdecalais.habitat.aap.application.Dossiers;
import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import fr.pasdecalais.habitat.aap.decision.AwardDecision;
import fr.pasdecalais.habitat.aap.decision.DeliberationService;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.shared.JsonVariables;
import fr.pasdecalais.habitat.aap.shared.ProcessContract;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.math.BigDecimal;
import java.util.HashMap;

import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The call's process with real dossiers running their {@code application} process: the messages
 * of docs/architecture.md from closing to the final review of the call.
 */
@SpringScenarioTest
class CallWithDossiersScenarioTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;
  @Autowired CallLifecycle lifecycle;
  @Autowired ApplicationService applicationService;
  @Autowired ApplicationRepository applications;
  @Autowired DeliberationService deliberations;
  @Autowired IdentitySetup identity;

  @BeforeEach
  void init() {
    ProcessTestSupport.init(engine);
    identity.ensureUser("sophie.dubois", "Sophie", "Dubois", "demo", Groups.JURY);
    identity.ensureUser("thomas.leroy", "Thomas", "Leroy", "demo", Groups.JURY);
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @Test
  void fromClosingToTheFinalReviewWithRealDossiers() {
    clock("2023-03-20T10:00:00");
    Dossiers dossiers = new Dossiers(catalog, reader, applicationService);
    CallForProjects call = dossiers.call(true); // like ASTRE 2023: 01/04/2023 – 31/05/2023, 42 000 €
    String ref = call.getReference();
    ProcessInstance callPi = lifecycle.startProcess(ref);
    clock("2023-04-10T10:00:00");
    executeDueJobs(engine);
    assertThat(catalog.getByReference(ref).getStatus()).isEqualTo(CallStatus.OPEN);

    // one dossier complete and eligible, one still waiting for its budget when the call closes
    ApplicationService.Submission eligible = dossiers.submit(call, Dossiers.email(), true);
    complete("camille.martin", task(eligible, ApplicationProcess.TASK_CHECK_COMPLETENESS), Map.of("complete", "true"));
    complete("camille.martin", task(eligible, ApplicationProcess.TASK_CHECK_ELIGIBILITY), Map.of("eligible", "true"));
    ApplicationService.Submission weaker = dossiers.submit(call, Dossiers.email(), true);
    complete("camille.martin", task(weaker, ApplicationProcess.TASK_CHECK_COMPLETENESS), Map.of("complete", "true"));
    complete("camille.martin", task(weaker, ApplicationProcess.TASK_CHECK_ELIGIBILITY), Map.of("eligible", "true"));
    ApplicationService.Submission incomplete = dossiers.submit(call, Dossiers.email(), true);
    complete("camille.martin", task(incomplete, ApplicationProcess.TASK_CHECK_COMPLETENESS), Map.of("complete", "false",
        "missingPieces", SpinValues.jsonValue("[\"BUDGET\"]").create(), "missingReason", "MISSING",
        "completenessComment", "Le budget prévisionnel manque."));

    clock("2023-06-01T08:00:00");
    executeDueJobs(engine);
    assertThat(state(incomplete)).isEqualTo(ApplicationState.REJECTED_INCOMPLETE);
    assertThat(ProcessTestSupport.selection(engine, callPi)).isWaitingAt(CallProcess.TASK_ORGANISE_JURY);
    assertThat(engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, callPi).getId(), CallProcess.VAR_CANDIDATE_COUNT)).isEqualTo(2L);

    Task organise = tasks.createTaskQuery().processInstanceId(ProcessTestSupport.current(engine, callPi).getId()).singleResult();
    complete("camille.martin", organise, Map.of(CallProcess.VAR_JURY_SESSION_DATE, "2023-06-12T14:00",
        ProcessContract.VAR_OPINION_DEADLINE, "2023-06-30",
        ProcessContract.VAR_JURY_MEMBERS, Spin.JSON("[\"sophie.dubois\",\"thomas.leroy\"]")));
    assertThat(catalog.getByReference(ref).getStatus()).isEqualTo(CallStatus.IN_SELECTION);
    assertThat(state(eligible)).isEqualTo(ApplicationState.UNDER_JURY_REVIEW);

    giveOpinion(eligible, "sophie.dubois", 5, 4, 4, 4);
    giveOpinion(eligible, "thomas.leroy", 4, 4, 4, 4);
    assertThat(ProcessTestSupport.selection(engine, callPi)).isWaitingAt(CallProcess.TASK_WAIT_OPINIONS);
    giveOpinion(weaker, "sophie.dubois", 2, 1, 2, 1);
    giveOpinion(weaker, "thomas.leroy", 1, 2, 1, 2);
    assertThat(ProcessTestSupport.selection(engine, callPi)).isWaitingAt(CallProcess.TASK_SYNTHESIS);

    ArrayNode proposals = (ArrayNode) JsonVariables.tree(
        engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, callPi).getId(), CallProcess.VAR_PROPOSALS));
    assertThat(proposals).hasSize(2);
    ObjectNode line = (ObjectNode) proposals.get(0);
    assertThat(line.get("applicationReference").asText()).isEqualTo(eligible.application().getReference());
    assertThat(line.get("weightedScore").decimalValue()).isGreaterThan(new BigDecimal("60"));
    line.put("granted", true).put("proposedAmount", new BigDecimal("42000.00")).put("proposedUnits", 20);
    ObjectNode second = (ObjectNode) proposals.get(1);
    assertThat(second.get("applicationReference").asText()).isEqualTo(weaker.application().getReference());
    assertThat(second.get("recommendation").asText()).isEqualTo("DEFAVORABLE");
    assertThat(second.get("granted").asBoolean()).isFalse();
    complete("camille.martin", tasks.createTaskQuery().processInstanceId(ProcessTestSupport.current(engine, callPi).getId()).singleResult(),
        Map.of(CallProcess.VAR_PROPOSALS, Spin.JSON(proposals.toString())));
    complete("camille.martin", tasks.createTaskQuery().processInstanceId(ProcessTestSupport.current(engine, callPi).getId()).singleResult(),
        Map.of("assemblySessionDate", "2023-07-03", "reportSent", true));
    complete("isabelle.moreau", tasks.createTaskQuery().processInstanceId(ProcessTestSupport.current(engine, callPi).getId()).singleResult(),
        Map.of("deliberationNumber", "2098-" + (System.nanoTime() % 90000 + 10000), "deliberationDate", "2023-07-03",
            "votesFor", 43, "votesAgainst", 0, "votesAbstention", 0, "votesAbsent", 1,
            CallProcess.VAR_DELIBERATION_ADOPTED, "true"));

    // each dossier got its decision: the refused one ended, the granted one is in its convention
    Application granted = applications.findByReference(eligible.application().getReference()).orElseThrow();
    assertThat(granted.getState()).isEqualTo(ApplicationState.GRANTED);
    assertThat(state(weaker)).isEqualTo(ApplicationState.REFUSED);
    AwardDecision award = deliberations.awards(ref).get(0);
    assertThat(granted.getAwardDecisionId()).isEqualTo(award.getId());
    assertThat(award.getAmount()).hasToString("42000.00");
    assertThat(granted.getDecisionLabel()).startsWith("Subvention accordée : 42 000,00 € (20 unités), délibération de la Commission Permanente n° 2098-");
    assertThat(callPi).isWaitingAt(CallProcess.EVENT_APPLICATION_ENDED);
    assertThat(catalog.getByReference(ref).getStatus()).isEqualTo(CallStatus.IN_EXECUTION);

    // the last dossier ends (here cancelled as from Cockpit): the call is told and goes to its review
    engine.getRuntimeService().deleteProcessInstance(granted.getProcessInstanceId(), "Annulé par l'administrateur (test)");
    executeDueJobs(engine);
    assertThat(callPi).isWaitingAt(CallProcess.TASK_FINAL_REVIEW);
    assertThat((String) engine.getRuntimeService().getVariable(ProcessTestSupport.current(engine, callPi).getId(), CallProcess.VAR_REVIEW_SUMMARY))
        .startsWith("2 dossier(s) décidé(s) : 1 subvention(s) accordée(s) pour 42 000,00 €, 1 refus. Conventions : ");

    complete("camille.martin", tasks.createTaskQuery().processInstanceId(ProcessTestSupport.current(engine, callPi).getId()).singleResult(),
        Map.of("reviewComment", "Un opérateur retenu pour 20 mesures ; un refus ; un dossier rejeté incomplet."));
    assertThat(callPi).isEnded();
    assertThat(catalog.getByReference(ref).getStatus()).isEqualTo(CallStatus.CLOSED_OUT);
  }

  private void giveOpinion(ApplicationService.Submission s, String member, int s1, int s2, int s3, int s4) {
    complete(member, juryTask(s, member, "Task_DeclareConflict"), Map.of("conflictOfInterest", false));
    Map<String, Object> vars = new HashMap<>(Map.of("score1", s1, "score2", s2, "score3", s3, "score4", s4));
    vars.put("avis", "FAVORABLE");
    vars.put("opinionComment", "Avis de " + member);
    complete(member, juryTask(s, member, "Task_GiveOpinion"), vars);
  }

  private Task task(ApplicationService.Submission s, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(s.application().getReference()).taskDefinitionKey(key).singleResult();
  }

  private Task juryTask(ApplicationService.Submission s, String member, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(s.application().getReference()).taskDefinitionKey(key)
        .taskAssignee(member).singleResult();
  }

  private void complete(String user, Task task, Map<String, Object> variables) {
    assertThat(task).as("tâche attendue").isNotNull();
    if (task.getAssignee() == null) {
      tasks.claim(task.getId(), user);
    }
    tasks.complete(task.getId(), variables);
    executeDueJobs(engine);
  }

  private ApplicationState state(ApplicationService.Submission s) {
    return applications.findByReference(s.application().getReference()).orElseThrow().getState();
  }

}
