package fr.pasdecalais.habitat.aap.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One Chromium per test class, pointed at the application of {@link BrowserTest}: a {@link Browser}
 * parameter of a test method or of {@code @BeforeAll}/{@code @BeforeEach}. Without Debian's
 * {@code chromium} and {@code chromium-driver} the browser tests are skipped with the command that
 * installs them — except in CI ({@code CI=true}), where a missing browser fails them. A test that
 * fails names its step and the screenshot taken at that moment ({@code target/e2e/}).
 */
public class BrowserExtension implements ExecutionCondition, ParameterResolver, AfterAllCallback,
    TestExecutionExceptionHandler {

  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("AAP_E2E_CHROMIUM", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("AAP_E2E_CHROMEDRIVER", "/usr/bin/chromedriver"));
  static final String INSTALL = "sudo apt-get install chromium chromium-driver";

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String missing = missingBrowser();
    if (missing == null) {
      return ConditionEvaluationResult.enabled("Chromium et chromedriver présents");
    }
    String message = "Tests navigateur : " + missing + " — installer Chromium : " + INSTALL;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      // in CI a missing browser is a failure, never a silent skip
      throw new IllegalStateException(message + " (CI=true : le navigateur est obligatoire)");
    }
    return ConditionEvaluationResult.disabled(message);
  }

  static String missingBrowser() {
    if (!Files.isExecutable(CHROMIUM)) {
      return CHROMIUM + " absent";
    }
    if (!Files.isExecutable(CHROMEDRIVER)) {
      return CHROMEDRIVER + " absent";
    }
    return null;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return browser(context);
  }

  static Browser browser(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext.getStore(NS).getOrComputeIfAbsent(Browser.class, k -> {
      ApplicationContext spring = SpringExtension.getApplicationContext(classContext);
      String port = spring.getEnvironment().getProperty("local.server.port");
      return Browser.open("http://localhost:" + port, classContext.getRequiredTestClass().getSimpleName(), spring);
    }, Browser.class);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    Browser browser = classContext(context).getStore(NS).get(Browser.class, Browser.class);
    if (browser == null || throwable instanceof StepFailure) {
      throw throwable;
    }
    throw browser.failure(throwable);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Browser browser = context.getStore(NS).remove(Browser.class, Browser.class);
    if (browser != null) {
      browser.close();
    }
  }

  /** A failure that already names its step and screenshot. */
  static final class StepFailure extends AssertionError {
    StepFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
