package fr.pasdecalais.habitat.aap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cockpit and Admin as their users see them: a supervisor reads the processes and an instance's
 * diagram in Cockpit, in French; Admin and every webapp stay closed to those who have no business there.
 */
@BrowserTest
@Order(2)
class WebappsBrowserIT {

  private static final String SUPERVISOR = "claire.fontaine";
  private static final String PARTNER = "asso.habitat";

  @Autowired RuntimeService runtime;

  @Test
  void aSupervisorSeesTheProcessesAndAnInstanceDiagramInCockpitInFrench(Browser browser) {
    browser.step("la superviseure se connecte à Cockpit", () -> {
      browser.login("cockpit", SUPERVISOR);
      browser.waitFor(By.cssSelector(".Header, header, .navbar"));
      assertThat(browser.present(By.cssSelector("form[name=signinForm]"))).as("connectée").isFalse();
      assertNoEnglish(browser, "cockpit");
    });
    browser.step("la superviseure voit les processus", () -> {
      browser.get("/camunda/app/cockpit/default/#/processes");
      browser.waitFor(By.xpath("//*[contains(normalize-space(.), 'Appel à projets') or contains(., 'call-for-projects')]"));
      new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
          .until(d -> browser.pageText().contains(CallProcess.KEY) || browser.pageText().contains("Appel"));
      assertNoEnglish(browser, "cockpit");
    });
    ProcessInstance call = runtime.createProcessInstanceQuery().processDefinitionKey(CallProcess.KEY)
        .processInstanceBusinessKey("AAP-2027-ASTRE").singleResult();
    browser.step("la superviseure ouvre l'instance de l'appel AAP-2027-ASTRE : diagramme affiché", () -> {
      browser.get("/camunda/app/cockpit/default/#/process-instance/" + call.getId() + "/runtime");
      new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
          .until(d -> d.findElements(By.cssSelector("svg .djs-element.djs-shape")).size() > 5);
      assertThat(browser.driver().findElements(By.cssSelector("svg .djs-element.djs-shape"))).hasSizeGreaterThan(5);
      assertNoEnglish(browser, "cockpit");
    });
  }

  @Test
  void aSupervisorSeesTheStatisticsDashboardInCockpit(Browser browser) {
    browser.step("la superviseure ouvre le tableau de bord statistique", () -> {
      browser.login("cockpit", SUPERVISOR);
      browser.get("/camunda/app/cockpit/default/#/dashboard");
      browser.waitFor(By.xpath("//h3[normalize-space(.)='Tableau de bord des appels à projets']"));
      // the statistics are read with the supervisor's own Cockpit session: figures, a chart, the export links
      browser.waitFor(By.xpath("//*[contains(normalize-space(.), 'Dossiers par état')]"));
      browser.waitFor(By.cssSelector("svg[role='img']"));
      browser.waitFor(By.xpath("//a[contains(@href, '/api/exports/dossiers') and contains(@href, 'format=xlsx')]"));
      assertNoEnglish(browser, "cockpit");
    });
  }

  @Test
  void aSupervisorCannotOpenAdmin(Browser browser) {
    browser.step("la superviseure tente de se connecter à Admin : refusé", () -> {
      browser.login("admin", SUPERVISOR);
      assertRefused(browser);
    });
  }

  @Test
  void aPartnerAccountCannotLogIntoAnyWebapp(Browser browser) {
    for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
      browser.step("le compte partenaire tente de se connecter à " + app + " : refusé", () -> {
        browser.login(app, PARTNER);
        assertRefused(browser);
      });
    }
  }

  @Test
  void anAgentSeesTasklistInFrench(Browser browser) {
    browser.step("l'instructrice se connecte à Tasklist", () -> {
      browser.login("tasklist", "camille.martin");
      browser.waitFor(By.xpath("//*[normalize-space(.)='Mes tâches' or starts-with(normalize-space(.), 'Mes tâches')]"));
      assertNoEnglish(browser, "tasklist");
    });
  }

  private static void assertRefused(Browser browser) {
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
        .until(d -> browser.pageText().contains("Échec de la connexion")
            || browser.pageText().contains("Identifiant ou mot de passe incorrect"));
    assertThat(browser.present(By.cssSelector("form[name=signinForm]"))).as("toujours sur la page de connexion").isTrue();
  }

  static void assertNoEnglish(Browser browser, String app) {
    assertThat(EnglishLabels.visibleOn(browser.driver(), app)).as("textes anglais visibles dans " + app).isEmpty();
  }
}
