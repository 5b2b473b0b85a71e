package fr.pasdecalais.habitat.aap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.beans.Introspector;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/**
 * The package rules of {@code docs/architecture.md}, on the production classes: a newcomer can
 * trust the package diagram because a change that breaks it fails {@code mvn verify}.
 */
class ArchitectureTest {

  private static final String AAP = "fr.pasdecalais.habitat.aap";
  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(AAP);
  }

  @Test
  void capabilityPackagesDependOnEachOtherWithoutCycles() {
    slices().matching(AAP + ".(*)..").should().beFreeOfCycles().check(production);
  }

  @Test
  void onlyControllersAndTheExceptionHandlerUseWeb() {
    noClasses().that().resideOutsideOfPackage(AAP + ".web..")
        .and().haveSimpleNameNotEndingWith("Controller")
        .should().dependOnClassesThat().resideInAPackage(AAP + ".web..")
        .because("services throw shared.DomainException; web.ApiExceptionHandler alone maps it to HTTP")
        .check(production);
  }

  @Test
  void onlyIdentitySharedAndConfigTouchTheEngineInternals() {
    noClasses().that().resideOutsideOfPackages(AAP + ".identity..", AAP + ".shared..", AAP + ".config..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
        .because("the engine's impl packages are not its API: the clock is shared.EngineClock, the system actor"
            + " identity.EngineAsSystem, refusals shared.RefusedException, engine plugins live in identity")
        .check(production);
  }

  /** One mail channel: every e-mail is a stored notification, sent (and retried) by {@code notification}. */
  @Test
  void onlyNotificationSendsMail() {
    noClasses().that().resideOutsideOfPackage(AAP + ".notification..")
        .should().dependOnClassesThat().resideInAPackage("org.springframework.mail..")
        .because("a capability stores a notification (NotificationService.store) and its model sends it with"
            + " the retried send task ${sendNotification}; no inline JavaMailSender")
        .check(production);
  }

  @Test
  void nothingDependsOnTheDemoData() {
    noClasses().that().resideOutsideOfPackage(AAP + ".demo..")
        .should().dependOnClassesThat().resideInAPackage(AAP + ".demo..")
        .check(production);
  }

  /**
   * The process glue of a capability (its {@code *Process} constants, delegates and listeners) is
   * in its {@code process} sub-package, one class per service task or listener.
   */
  @Test
  void delegatesAndListenersLiveInProcessPackages() {
    classes().that().implement(JavaDelegate.class).or().implement(TaskListener.class).or().implement(ExecutionListener.class)
        .should().resideInAPackage(AAP + ".*.process..")
        .because("a model's glue is found next to its *Process class, e.g. agreement.process.OrderAdvance")
        .check(production);
  }

  /** {@code camunda:delegateExpression="${orderAdvance}"} names the class {@code OrderAdvance}: no alias to look up. */
  @Test
  void delegateAndListenerBeansAreNamedAfterTheirClass() {
    classes().that().implement(JavaDelegate.class).or().implement(TaskListener.class).or().implement(ExecutionListener.class)
        .should(beComponentsNamedAfterTheirClass())
        .check(production);
  }

  private static ArchCondition<JavaClass> beComponentsNamedAfterTheirClass() {
    return new ArchCondition<>("be @Component beans whose name is the class name in lower camel case") {
      @Override
      public void check(JavaClass glue, ConditionEvents events) {
        if (!glue.isAnnotatedWith(Component.class)) {
          events.add(SimpleConditionEvent.violated(glue, glue.getName() + " is not a @Component"));
          return;
        }
        String name = glue.getAnnotationOfType(Component.class).value();
        String expected = Introspector.decapitalize(glue.getSimpleName());
        if (!name.isEmpty() && !name.equals(expected)) {
          events.add(SimpleConditionEvent.violated(glue, glue.getName() + " is the bean '" + name + "', expected '"
              + expected + "' (or no explicit name)"));
        }
      }
    };
  }

  /**
   * A capability's repositories are its own: another one asks its service. The demo loaders are
   * the one documented exception — they seed data of several capabilities at start-up.
   */
  @Test
  void repositoriesAreUsedOnlyInsideTheirCapability() {
    classes().that().haveSimpleNameEndingWith("Repository")
        .should(beUsedOnlyFromTheirOwnPackageOrTheDemo())
        .check(production);
  }

  private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnPackageOrTheDemo() {
    return new ArchCondition<>("be used only from their own package (or demo)") {
      @Override
      public void check(JavaClass repository, ConditionEvents events) {
        for (Dependency d : repository.getDirectDependenciesToSelf()) {
          String from = d.getOriginClass().getPackageName();
          boolean allowed = from.equals(repository.getPackageName()) || from.startsWith(AAP + ".demo");
          if (!allowed) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
  }
}
