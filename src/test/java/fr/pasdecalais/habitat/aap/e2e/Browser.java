package fr.pasdecalais.habitat.aap.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ApplicationContext;

/**
 * A headless Chromium (Debian's, through its chromedriver: never a downloaded browser) driving the
 * application as a person does: logging into a webapp, opening a task in Tasklist, filling the
 * rendered Camunda Form (typing, choosing, checking) and clicking « Terminer ». Every {@link #step}
 * leaves a screenshot {@code target/e2e/NN-<class>-<step>.png}; a failing step names itself and its
 * screenshot.
 */
public final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "e2e");
  private static final AtomicInteger SHOTS = new AtomicInteger();
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final ChromeDriver driver;
  private final Path profile;
  private final String base;
  private final String testClass;
  private final ProcessEngine engine;
  private String step = "(avant la première étape)";
  private String user;
  private Task openTask;
  private String openForm;

  private Browser(ChromeDriver driver, Path profile, String base, String testClass, ProcessEngine engine) {
    this.driver = driver;
    this.profile = profile;
    this.base = base;
    this.testClass = testClass;
    this.engine = engine;
  }

  static Browser open(String base, String testClass, ApplicationContext spring) {
    try {
      Path profile = Files.createTempDirectory("aap-e2e-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BrowserExtension.CHROMIUM.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=fr-FR");
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(BrowserExtension.CHROMEDRIVER.toFile()).usingAnyFreePort()
          // a person of the Département is in France: the browser's clock too (Tasklist shows « fuseau horaire local »)
          .withEnvironment(Map.of("TZ", "Europe/Paris")).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      Files.createDirectories(SCREENSHOTS);
      return new Browser(driver, profile, base, testClass, spring.getBean(ProcessEngine.class));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A wait of 20 s that retries when the page replaced the element it was looking at. */
  public org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> waiting() {
    return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  public ChromeDriver driver() {
    return driver;
  }

  public String baseUrl() {
    return base;
  }

  public String user() {
    return user;
  }

  // ---------------------------------------------------------------- steps and screenshots

  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  /** Runs one named step of the story, then takes its screenshot; a failure names the step and its screenshot. */
  public void step(String name, Action action) {
    step = name;
    try {
      action.run();
    } catch (BrowserExtension.StepFailure e) {
      throw e;
    } catch (Throwable e) {
      throw failure(e);
    }
    screenshot(name);
  }

  /** The failure of the current step, with the screenshot taken now. */
  BrowserExtension.StepFailure failure(Throwable cause) {
    Path shot = screenshot(step + " ECHEC");
    return new BrowserExtension.StepFailure("Étape « " + step + " » (" + testClass + ", utilisateur " + user
        + ") en échec, capture : " + shot.toAbsolutePath() + " — " + cause.getMessage(), cause);
  }

  public Path screenshot(String name) {
    Path target = SCREENSHOTS.resolve(String.format(Locale.ROOT, "%02d-%s-%s.png", SHOTS.incrementAndGet(), testClass, slug(name)));
    try {
      File file = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (RuntimeException | IOException e) {
      // a screenshot that cannot be taken does not hide the test's own result
    }
    return target;
  }

  static String slug(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.length() > 80 ? slug.substring(0, 80) : slug;
  }

  // ---------------------------------------------------------------- webapps

  /** Logs into a Camunda webapp ({@code tasklist}, {@code cockpit}, {@code admin}) as this demo user (password {@code demo}). */
  public void login(String app, String login) {
    logout();
    driver.get(base + "/camunda/app/" + app + "/default/#/login");
    // the login page may still be rendering (Angular moves the focus to the user name): the fields are filled
    // again until each holds what a person typed in it
    for (int attempt = 1; ; attempt++) {
      WebElement username = waitFor(By.cssSelector("form[name=signinForm] input[ng-model=username]"));
      WebElement password = waitFor(By.cssSelector("form[name=signinForm] input[ng-model=password]"));
      username.clear();
      username.sendKeys(login);
      password.clear();
      password.sendKeys("demo");
      if (login.equals(username.getAttribute("value")) && "demo".equals(password.getAttribute("value"))) {
        break;
      }
      if (attempt == 3) {
        throw new AssertionError("La page de connexion n'a pas gardé l'identifiant et le mot de passe saisis");
      }
    }
    driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    user = login;
    waiting().until(d -> !d.findElements(By.cssSelector("form[name=signinForm]")).isEmpty()
        && !d.findElements(By.cssSelector(".notifications .alert-danger, .alert-danger")).isEmpty()
        || d.findElements(By.cssSelector("form[name=signinForm]")).isEmpty());
  }

  /** Forgets the session (a person logging out). */
  public void logout() {
    if (driver.getCurrentUrl().startsWith(base)) {
      driver.manage().deleteAllCookies();
      ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    }
    user = null;
  }

  public void get(String path) {
    driver.get(base + path);
  }

  public WebElement waitFor(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public boolean present(By by) {
    return !driver.findElements(by).isEmpty();
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  // ---------------------------------------------------------------- Tasklist and its forms

  /**
   * Opens the task in Tasklist (as the logged-in user), takes it in charge when it is not yet his,
   * and waits for its Camunda Form to be rendered; the form is recorded as opened.
   */
  public void openTask(Task task) {
    Task withForm = engine.getTaskService().createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult();
    if (withForm == null) {
      throw new AssertionError("Tâche « " + task.getName() + " » introuvable (déjà terminée ?)");
    }
    openTask = withForm;
    openForm = withForm.getCamundaFormRef() != null ? withForm.getCamundaFormRef().getKey() : withForm.getFormKey();
    // a whole page load, never a change of the address's fragment alone: Tasklist re-reads the task it
    // showed before at each refresh, and the answer for a task just completed (404) arriving once the next
    // task's form is shown marks that form « tâche supprimée » and disables « Terminer » for good (a CI run
    // where the click did nothing, with no error nor notification)
    driver.get("about:blank");
    driver.get(base + "/camunda/app/tasklist/default/#/?task=" + task.getId());
    waiting().until(d -> d.findElements(By.cssSelector(".task-details .names h2, .task-details h2")).size() > 0);
    List<WebElement> claim = driver.findElements(By.cssSelector("button.claim"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
      waiting().until(d -> d.findElements(By.cssSelector("button.claim")).stream().noneMatch(WebElement::isDisplayed));
    }
    waitForForm();
    // Tasklist renders the form as soon as the task is loaded, then the filter's task list, which can
    // redraw the page around the form: wait for the list to show this task as the selected one, as a
    // person waits for the page to settle before typing (with many tasks in the list, typing earlier
    // lost characters to the redraw).
    try {
      new WebDriverWait(driver, java.time.Duration.ofSeconds(5)).until(
          d -> !d.findElements(By.cssSelector("[cam-tasks] .tasks-list li.task.active")).isEmpty());
    } catch (org.openqa.selenium.TimeoutException e) {
      // the task is not in the filter shown (a group's task opened from « Mes tâches »): nothing to wait for
    }
    waitForForm();
    Forms.opened(openForm);
  }

  /** Waits for the Camunda Form (form-js) of the page to be rendered. */
  public void waitForForm() {
    waiting().until(d -> d.findElements(By.cssSelector(".fjs-form .fjs-form-field")).size() > 0);
  }

  /** The form field whose label is this text (the first one visible). */
  public WebElement field(String label) {
    // the field that holds the label itself, never a group (a dynamic list's row) that holds it among others
    return waiting().until(d -> d.findElements(By.cssSelector(".fjs-form-field-label")).stream()
        .filter(l -> l.isDisplayed() && normalise(l.getText()).replaceAll("\\*$", "").trim().startsWith(normalise(label)))
        .map(l -> l.findElement(By.xpath("ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]")))
        .findFirst().orElse(null));
  }

  /** Whether a field with this label is shown now. */
  public boolean shown(String label) {
    return driver.findElements(By.cssSelector(".fjs-form-field")).stream().filter(WebElement::isDisplayed)
        .anyMatch(f -> f.findElements(By.cssSelector(".fjs-form-field-label")).stream()
            .anyMatch(l -> normalise(l.getText()).startsWith(normalise(label))));
  }

  /** The input a shown label (a field's, or a date-and-time field's date or time label) is for. */
  private WebElement inputLabelled(String label) {
    return waiting().until(d -> d.findElements(By.cssSelector(".fjs-form label.fjs-form-field-label")).stream()
        .filter(l -> l.isDisplayed() && normalise(l.getText()).replaceAll("\\*$", "").trim().startsWith(normalise(label)))
        .map(l -> d.findElements(By.id(l.getAttribute("for")))).filter(found -> !found.isEmpty()).map(found -> found.get(0))
        .findFirst().orElse(null));
  }

  /** Types a date into a date field, in the format its placeholder asks (form-js asks mm/dd/yyyy). */
  public void date(String label, java.time.LocalDate date) {
    WebElement input = inputLabelled(label);
    String placeholder = String.valueOf(input.getAttribute("placeholder")).toLowerCase(Locale.ROOT);
    String text = placeholder.startsWith("m")
        ? String.format(Locale.ROOT, "%02d/%02d/%04d", date.getMonthValue(), date.getDayOfMonth(), date.getYear())
        : String.format(Locale.ROOT, "%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text, Keys.ENTER);
    input.sendKeys(Keys.TAB);
  }

  /** Types a time (hh:mm) into the time part of a date-and-time field. */
  public void time(String label, String time) {
    WebElement input = inputLabelled(label);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(time, Keys.ENTER);
    input.sendKeys(Keys.TAB);
  }

  /** Makes sure the options of a checklist whose label contains these texts are checked (some are pre-checked). */
  public void checkContaining(String label, String... texts) {
    WebElement group = field(label);
    for (String text : texts) {
      WebElement option = group.findElements(By.cssSelector("label")).stream()
          .filter(l -> normalise(l.getText()).contains(text) && l.getAttribute("for") != null).findFirst()
          .orElseThrow(() -> new AssertionError("Case contenant « " + text + " » absente de « " + label + " »"));
      WebElement box = driver.findElement(By.id(option.getAttribute("for")));
      if (!box.isSelected()) {
        clickOn(option);
      }
    }
  }

  /**
   * Starts a process from Tasklist's « Démarrer un processus » with its start form: the form is
   * rendered, {@code fill} fills it, « Démarrer » submits it; the form is recorded as opened and submitted.
   */
  public void startProcess(String processName, String formKey, Action fill) throws Exception {
    openStartForm(processName, formKey);
    fill.run();
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    WebElement submit = driver.findElements(By.cssSelector(".modal-footer button, .modal button")).stream()
        .filter(b -> b.isDisplayed() && normalise(b.getText()).equals("Démarrer")).findFirst()
        .orElseThrow(() -> new AssertionError("Bouton « Démarrer » absent"));
    submit.click();
    waiting().until(d -> engine.getHistoryService().createHistoricProcessInstanceQuery().count() > before);
    Forms.submitted(formKey);
  }

  static String normalise(String text) {
    return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
  }

  /** Closes Tasklist's notifications (×), which may cover the form's buttons. */
  public void closeNotifications() {
    for (WebElement close : driver.findElements(By.cssSelector(".page-notifications .close, .page-notifications button.close"))) {
      if (close.isDisplayed()) {
        try {
          close.click();
        } catch (RuntimeException e) {
          // gone meanwhile
        }
      }
    }
  }

  /** Scrolls the element to the middle of the window, then clicks it (as a person scrolls before clicking). */
  public void clickOn(WebElement element) {
    for (int attempt = 1; ; attempt++) {
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      try {
        element.click();
        return;
      } catch (org.openqa.selenium.ElementClickInterceptedException e) {
        // the page was still moving (a list or a notification drawn over it): look again, as a person does
        if (attempt == 3) {
          throw e;
        }
        pause(300);
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Types into a text, number, date or text area field (what was there is replaced). */
  public void type(String label, String text) {
    typeInto(field(label).findElement(By.cssSelector("input, textarea")), text);
  }

  /** Beyond this many characters, what a text field holds is selected and erased at once. */
  private static final int LONG_TEXT = 40;

  /**
   * Replaces what an input holds by this text as a person does (click, go to the end, erase each
   * character, type); form-js number fields ignore a select-all, so short values are erased one by one.
   */
  public void typeInto(WebElement input, String text) {
    String after = "";
    for (int attempt = 1; attempt <= 3; attempt++) {
      clickOn(input);
      String before = String.valueOf(input.getDomProperty("value"));
      if (before.length() > LONG_TEXT) {
        // a long text is selected whole and erased at once, as a person does (a text field keeps the
        // select-all; key by key, the 4 001 characters of a refused report took two minutes)
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        before = String.valueOf(input.getDomProperty("value"));
      }
      input.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
      for (int i = 0; i < before.length() + 2; i++) {
        input.sendKeys(Keys.BACK_SPACE);
      }
      input.sendKeys(text);
      after = String.valueOf(input.getDomProperty("value"));
      if (after.equals(text)) {
        return;
      }
      // the focus left the field while typing (the page redrawn around it): a person sees it and types again
      pause(300);
    }
    throw new AssertionError("Le champ contient « " + after + " » au lieu de « " + text + " »");
  }

  /** What the field with this label shows now. */
  public String value(String label) {
    return String.valueOf(field(label).findElement(By.cssSelector("input, textarea")).getDomProperty("value"));
  }

  /** Types a date only when the date field is still empty (a date the form pre-fills is kept). */
  public void dateIfEmpty(String label, java.time.LocalDate date) {
    if (String.valueOf(inputLabelled(label).getDomProperty("value")).isBlank()) {
      date(label, date);
    }
  }

  /** Chooses an option of a radio group by its label. */
  public void choose(String label, String option) {
    WebElement group = field(label);
    group.findElements(By.cssSelector("label")).stream()
        .filter(l -> normalise(l.getText()).equals(option)).findFirst()
        .map(l -> { clickOn(l); return l; })
        .orElseThrow(() -> new AssertionError("Option « " + option + " » absente de « " + label + " »"));
  }

  /** Checks (or unchecks) the options of a checklist, by their labels. */
  public void check(String label, String... options) {
    WebElement group = field(label);
    for (String option : options) {
      group.findElements(By.cssSelector("label")).stream()
          .filter(l -> normalise(l.getText()).equals(option)).findFirst()
          .map(l -> { clickOn(l); return l; })
          .orElseThrow(() -> new AssertionError("Case « " + option + " » absente de « " + label + " »"));
    }
  }

  /** Ticks a single checkbox field. */
  public void tick(String label) {
    clickOn(field(label).findElement(By.cssSelector("input[type=checkbox]")));
  }

  /** Types into every shown field whose label is exactly this text, in the page's order (a dynamic list's rows). */
  public int typeEach(String label, String... texts) {
    List<WebElement> inputs = ownFields(label).stream().map(f -> f.findElement(By.cssSelector("input, textarea"))).toList();
    if (inputs.isEmpty()) {
      throw new AssertionError("Aucun champ « " + label + " » affiché");
    }
    for (int i = 0; i < inputs.size(); i++) {
      typeInto(inputs.get(i), texts[Math.min(i, texts.length - 1)]);
    }
    return inputs.size();
  }

  /** The values of every shown field whose label is exactly this text, in the page's order (a dynamic list's rows). */
  public List<String> values(String label) {
    return ownFields(label).stream()
        .map(f -> String.valueOf(f.findElement(By.cssSelector("input, textarea")).getDomProperty("value"))).toList();
  }

  /**
   * A list of more than five rows shows the first five and « Expand all (n) » (form-js): a person
   * filling every row opens the list first.
   */
  private void expandLists() {
    for (WebElement button : driver.findElements(By.cssSelector(".fjs-form button.fjs-repeat-render-collapse"))) {
      if (button.isDisplayed() && normalise(button.getText()).startsWith("Expand all")) {
        clickOn(button);
      }
    }
  }

  /** The shown fields whose own label is exactly this text, in the page's order (never the group holding them). */
  private List<WebElement> ownFields(String label) {
    expandLists();
    return driver.findElements(By.cssSelector(".fjs-form-field-label")).stream()
        .filter(l -> l.isDisplayed() && normalise(l.getText()).replaceAll("\\*$", "").trim().equals(normalise(label)))
        .map(l -> l.findElement(By.xpath("ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]")))
        .toList();
  }

  /** Ticks the checkbox field unless it is ticked already. */
  public void tickIfNot(String label) {
    WebElement f = field(label);
    WebElement box = f.findElement(By.cssSelector("input[type=checkbox]"));
    if (!box.isSelected()) {
      clickOn(f.findElement(By.cssSelector("label")));
    }
    if (!box.isSelected()) {
      box.sendKeys(Keys.SPACE);
    }
    if (!box.isSelected()) {
      throw new AssertionError("La case « " + label + " » ne se coche pas");
    }
  }

  /** Chooses an option of a select (form-js dropdown) by its label. */
  public void select(String label, String option) {
    WebElement f = field(label);
    if (normalise(f.getText()).contains(option) && f.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty()) {
      return; // already chosen (pre-filled)
    }
    for (String target : new String[] {".fjs-input-group", ".fjs-select-display", "input", ".fjs-select-arrow"}) {
      List<WebElement> clickable = f.findElements(By.cssSelector(target));
      if (clickable.isEmpty()) {
        continue;
      }
      clickOn(clickable.get(0));
      try {
        new WebDriverWait(driver, Duration.ofSeconds(3)).until(d -> f.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(it -> normalise(it.getText()).equals(option)).findFirst().orElse(null))
            .click();
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        // try the next part of the select
      }
    }
    throw new AssertionError("Option « " + option + " » introuvable dans « " + label + " »");
  }

  /** Clicks « Terminer » and waits until the engine has completed the task; the form is recorded as submitted. */
  public void complete() {
    clickComplete();
    try {
      waiting().until(d -> engine.getTaskService().createTaskQuery().taskId(openTask.getId()).count() == 0);
    } catch (org.openqa.selenium.TimeoutException e) {
      String notices = driver.findElements(By.cssSelector(".page-notifications, .notifications")).stream()
          .map(WebElement::getText).map(Browser::normalise).filter(t -> !t.isEmpty()).reduce("", (a, b) -> a + " " + b);
      throw new AssertionError("« Terminer » n'a pas terminé la tâche « " + openTask.getName() + " » : erreurs des champs "
          + fieldErrors() + ", notifications « " + notices.trim() + " »"
          + (driver.findElements(By.cssSelector(".task-removed")).isEmpty() ? "" : ", tâche tenue pour supprimée par Tasklist"), e);
    }
    Forms.submitted(openForm);
  }

  private void clickComplete() {
    WebElement button = driver.findElements(By.cssSelector("button")).stream()
        .filter(b -> b.isDisplayed() && normalise(b.getText()).equals("Terminer")).findFirst()
        .orElseThrow(() -> new AssertionError("Bouton « Terminer » absent"));
    // Tasklist disables the button while form-js holds an error (the refused-value tests click it all the same,
    // as a person does, and read the error) or once it holds the task for removed: the click would do nothing
    if (!button.isEnabled() && !driver.findElements(By.cssSelector(".task-removed")).isEmpty()) {
      throw new AssertionError("Bouton « Terminer » désactivé : Tasklist tient la tâche « " + openTask.getName()
          + " » pour supprimée");
    }
    closeNotifications();
    clickOn(button);
  }

  /**
   * Clicks « Terminer » on a form holding an invalid value: the page shows this French error (in the
   * form or as Tasklist's notification) and the task stays open.
   */
  public void completeRefused(String expectedError) {
    clickComplete();
    waiting().until(d -> normalise(pageText()).contains(expectedError));
    if (engine.getTaskService().createTaskQuery().taskId(openTask.getId()).count() != 1) {
      throw new AssertionError("La tâche « " + openTask.getName() + " » a été terminée malgré l'erreur « " + expectedError + " »");
    }
    Forms.refused(openForm);
  }

  /** The errors form-js shows under the fields. */
  public List<String> fieldErrors() {
    return driver.findElements(By.cssSelector(".fjs-form-field-error")).stream().filter(WebElement::isDisplayed)
        .map(e -> normalise(e.getText())).filter(t -> !t.isEmpty()).toList();
  }

  @Override
  public void close() {
    Forms.writeReport();
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary profile left behind
      }
    }
  }

  // ---------------------------------------------------------------- start forms that refuse a value (agreement life)

  /** Opens a process's start form from « Démarrer un processus » (recorded as opened); the test fills it, then {@link #start}. */
  public void openStartForm(String processName, String formKey) {
    driver.get(base + "/camunda/app/tasklist/default/#/");
    waiting().until(d -> d.findElements(By.cssSelector("a, button")).stream()
        .filter(e -> e.isDisplayed() && normalise(e.getText()).equals("Démarrer un processus")).findFirst().orElse(null))
        .click();
    chooseInStartDialog(name -> name.contains(processName));
    Forms.opened(formKey);
  }

  /**
   * Clicks the process whose (normalised) name matches in the open « Démarrer un processus » dialog, and waits
   * for its start form. A click that lands while the dialog is still fading in or re-rendering its list opens
   * nothing (seen once in CI): the process is clicked again, every 3 s, until its form shows.
   */
  public void chooseInStartDialog(java.util.function.Predicate<String> name) {
    waiting().until(d -> {
      if (!d.findElements(By.cssSelector(".fjs-form .fjs-form-field")).isEmpty()) {
        return true;
      }
      WebElement item = d.findElements(By.cssSelector(".modal-body a")).stream()
          .filter(e -> e.isDisplayed() && name.test(normalise(e.getText()))).findFirst().orElse(null);
      if (item == null) {
        return false;
      }
      try {
        item.click();
        new WebDriverWait(d, Duration.ofSeconds(3))
            .until(x -> !x.findElements(By.cssSelector(".fjs-form .fjs-form-field")).isEmpty());
        return true;
      } catch (org.openqa.selenium.WebDriverException notYet) {
        return false; // stale item, click intercepted, or no form within 3 s: click again
      }
    });
  }

  private long startedProcesses() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().count();
  }

  private void clickStart() {
    WebElement submit = driver.findElements(By.cssSelector(".modal-footer button, .modal button")).stream()
        .filter(b -> b.isDisplayed() && normalise(b.getText()).equals("Démarrer")).findFirst()
        .orElseThrow(() -> new AssertionError("Bouton « Démarrer » absent"));
    clickOn(submit);
  }

  /** Clicks « Démarrer » on the open start form and waits for the process to be started. */
  public void start(String formKey) {
    long before = startedProcesses();
    clickStart();
    waiting().until(d -> startedProcesses() > before);
    Forms.submitted(formKey);
  }

  /** Clicks « Démarrer » on a start form holding an invalid value: the page shows this French error, nothing is started. */
  public void startRefused(String formKey, String expectedError) {
    long before = startedProcesses();
    clickStart();
    waiting().until(d -> normalise(pageText()).contains(expectedError));
    if (startedProcesses() != before) {
      throw new AssertionError("Un processus a été démarré malgré l'erreur « " + expectedError + " »");
    }
    Forms.refused(formKey);
  }

  /** The placeholder of the input a shown label is for (a date field's asks the order of day, month and year). */
  public String placeholder(String label) {
    return String.valueOf(inputLabelled(label).getAttribute("placeholder"));
  }

  /** Pastes a long text into a shown text field at once, as a person pasting it (one input event). */
  public void paste(String label, String text) {
    WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
    driver.executeScript("const e = arguments[0];"
        + " const proto = e.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;"
        + " Object.getOwnPropertyDescriptor(proto, 'value').set.call(e, arguments[1]);"
        + " e.dispatchEvent(new Event('input', {bubbles: true}));", input, text);
  }
}
