package fr.pasdecalais.habitat.aap.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every BPMN, DMN and form of {@code processes/} and {@code forms/} is deployed by the
 * application, and every user task's and start event's {@code formRef} resolves to a deployed form.
 */
@SpringScenarioTest
class ModelsDeploymentTest {

  @Autowired ProcessEngine engine;

  @Test
  void everyModelAndFormOfTheRepositoryIsDeployed() throws IOException {
    Set<String> deployed = deployedResourceNames();
    List<Path> files = files("processes", ".bpmn", ".dmn");
    files.addAll(files("forms", ".form"));
    assertThat(files).as("models and forms of the repository").isNotEmpty();
    for (Path file : files) {
      assertThat(deployed).as("deployed resources").anyMatch(name -> name.endsWith(file.getFileName().toString()));
    }
    for (Path bpmn : files("processes", ".bpmn")) {
      String content = Files.readString(bpmn);
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list())
          .as("process of " + bpmn).anyMatch(pd -> content.contains("id=\"" + pd.getKey() + "\""));
    }
  }

  @Test
  void everyFormRefResolvesToADeployedForm() throws IOException {
    Set<String> formIds = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (Path form : files("forms", ".form")) {
      formIds.add(json.readTree(form.toFile()).path("id").asText());
    }
    Set<String> deployedFormIds = new HashSet<>();
    engine.getRepositoryService().createDeploymentQuery().list().forEach(d ->
        engine.getRepositoryService().getDeploymentResources(d.getId()).stream()
            .filter(r -> r.getName().endsWith(".form"))
            .forEach(r -> {
              try (var in = engine.getRepositoryService().getResourceAsStream(d.getId(), r.getName())) {
                deployedFormIds.add(json.readTree(in).path("id").asText());
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            }));
    assertThat(deployedFormIds).containsAll(formIds);

    for (ProcessDefinition pd : engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
      if (pd.getResourceName() == null || !pd.getResourceName().replace('\\', '/').contains("processes/")) {
        continue; // fixtures deployed by other tests (e.g. AuthorizationTest's Process_AuthzFixture)
      }
      BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(pd.getId());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(task.getCamundaFormRef()).as(pd.getKey() + "/" + task.getId() + " formRef").isNotBlank();
        assertThat(task.getCamundaFormRefBinding()).as(pd.getKey() + "/" + task.getId()).isEqualTo("deployment");
        if (!task.getCamundaFormRef().contains("${")) {
          assertThat(deployedFormIds).as(pd.getKey() + "/" + task.getId()).contains(task.getCamundaFormRef());
        }
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        String ref = start.getCamundaFormRef();
        if (ref != null) {
          assertThat(deployedFormIds).as(pd.getKey() + "/" + start.getId()).contains(ref);
        }
      }
    }
  }

  private Set<String> deployedResourceNames() {
    Set<String> names = new HashSet<>();
    engine.getRepositoryService().createDeploymentQuery().list().forEach(d ->
        engine.getRepositoryService().getDeploymentResources(d.getId()).forEach(r -> names.add(r.getName())));
    return names;
  }

  private static List<Path> files(String dir, String... suffixes) throws IOException {
    Path root = Path.of(dir);
    if (!Files.isDirectory(root)) {
      return new java.util.ArrayList<>();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return new java.util.ArrayList<>(walk.filter(p -> Stream.of(suffixes).anyMatch(s -> p.toString().endsWith(s))).toList());
    }
  }

  /** form-js refuses to render a form whose components share an id ("form field with id … already exists"). */
  @Test
  void everyFormHasUniqueComponentIdsAndKeys() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (Path form : files("forms", ".form")) {
      List<String> ids = new java.util.ArrayList<>();
      List<String> keys = new java.util.ArrayList<>();
      collect(json.readTree(form.toFile()).path("components"), ids, keys);
      assertThat(ids).as("component ids of " + form).doesNotHaveDuplicates().doesNotContainNull();
      assertThat(keys).as("field keys of " + form).doesNotHaveDuplicates();
    }
  }

  private static void collect(com.fasterxml.jackson.databind.JsonNode components, List<String> ids, List<String> keys) {
    for (var c : components) {
      ids.add(c.hasNonNull("id") ? c.get("id").asText() : null);
      String type = c.path("type").asText();
      if (c.hasNonNull("key") && !type.equals("text") && !type.equals("html")) {
        keys.add(c.get("key").asText());
      }
      collect(c.path("components"), ids, keys);
    }
  }
}
