package fr.pasdecalais.habitat.aap.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every {@code ${bean}} a model names (delegate expressions of service and send tasks, task and
 * execution listeners) is a bean of the application context, of the kind the engine will call:
 * a renamed delegate fails here, not in the middle of a dossier's process. Runs in the one shared
 * Spring context ({@link SpringScenarioTest}).
 */
@SpringScenarioTest
class ModelBeansTest {

  private static final Pattern BEAN = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}$");

  @Autowired
  ApplicationContext context;

  @Test
  void everyDelegateExpressionNamesABeanOfTheRightKind() throws IOException {
    List<String> findings = new ArrayList<>();
    int checked = 0;
    for (Path file : bpmnFiles()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (ServiceTask t : model.getModelElementsByType(ServiceTask.class)) {
        checked += check(file, t, t.getCamundaDelegateExpression(), JavaDelegate.class, findings);
      }
      for (SendTask t : model.getModelElementsByType(SendTask.class)) {
        checked += check(file, t, t.getCamundaDelegateExpression(), JavaDelegate.class, findings);
      }
      for (CamundaTaskListener l : model.getModelElementsByType(CamundaTaskListener.class)) {
        checked += check(file, (BaseElement) l.getParentElement().getParentElement(), l.getCamundaDelegateExpression(),
            TaskListener.class, findings);
      }
      for (CamundaExecutionListener l : model.getModelElementsByType(CamundaExecutionListener.class)) {
        checked += check(file, (BaseElement) l.getParentElement().getParentElement(), l.getCamundaDelegateExpression(),
            ExecutionListener.class, findings);
      }
    }
    assertThat(findings).isEmpty();
    assertThat(checked).as("delegate expressions checked").isGreaterThan(50);
  }

  private int check(Path file, BaseElement element, String expression, Class<?> kind, List<String> findings) {
    if (expression == null || expression.isBlank()) {
      return 0;
    }
    String where = file.getFileName() + ": " + element.getId() + ": " + expression + ": ";
    Matcher m = BEAN.matcher(expression.trim());
    if (!m.matches()) {
      findings.add(where + "not a plain ${bean} expression");
    } else if (!context.containsBean(m.group(1))) {
      findings.add(where + "no such Spring bean");
    } else if (!kind.isInstance(context.getBean(m.group(1)))) {
      findings.add(where + "the bean is not a " + kind.getSimpleName());
    }
    return 1;
  }

  private static List<Path> bpmnFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(Path.of("processes"))) {
      return walk.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
