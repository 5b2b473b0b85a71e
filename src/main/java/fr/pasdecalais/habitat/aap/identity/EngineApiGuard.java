package fr.pasdecalais.habitat.aap.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.identity.LoginAttempt.Door;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * The gate in front of the engine's REST API, at both of its doors: {@code /engine-rest/**} (HTTP
 * basic, the user authenticated by Spring Security) and the webapps' {@code
 * /camunda/api/engine/engine/{engine}/**} (the user of the webapp session). It applies {@link
 * EngineApiPolicy}, lets a person start only the processes meant for people, and lets a task
 * completion or a start carry only the variables of the form. It also guards the webapps' login:
 * the throttle of failed logins, and only the groups of an app may log into it (partners into none).
 * A refusal is answered here, in French, before the engine is reached.
 *
 * <p>Over 300 lines because the three things that must read the same request at the same place —
 * the policy, the body (form fields, completion rules) and the webapp login — share its parsing;
 * the next split is the webapp login into a filter of its own.
 */
public class EngineApiGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiGuard.class);
  private static final int MAX_BODY = 2 * 1024 * 1024;
  private static final Pattern TASK_COMPLETION = Pattern.compile("task/([^/]+)/(complete|submit-form)");
  /** Work on tasks and starts, where two people may race. */
  private static final Pattern CONCURRENT_WORK = Pattern.compile(
      "task/[^/]+/(claim|unclaim|complete|submit-form|assignee)|process-definition/.+/(start|submit-form)");
  private static final Set<String> COMPLETION_FIELDS = Set.of("variables", "withVariablesInReturn");
  private static final Set<String> START_FIELDS = Set.of("variables", "businessKey", "withVariablesInReturn");

  /** Who may log into each webapp. */
  static final Map<String, Set<String>> APP_GROUPS = Map.of(
      "welcome", EngineApiPolicy.ENGINE_USERS,
      "tasklist", Set.of(Groups.INSTRUCTEURS, Groups.JURY, Groups.SECRETARIAT, Groups.FINANCES, Groups.ETAT_FINANCES,
          Groups.PREFECTURE, Groups.SUPERVISEURS, Groups.ADMIN),
      "cockpit", Set.of(Groups.SUPERVISEURS, Groups.ADMIN),
      "admin", Set.of(Groups.ADMIN));

  private final IdentityService identityService;
  private final EngineAsSystem engine;
  private final RepositoryService repositoryService;
  private final FormFieldNames formFields;
  private final CompletionGate completionRules;
  private final LoginThrottle throttle;
  private final String webappPath;
  private final Pattern webappEngine;
  private final Pattern webappLogin;
  private final ObjectMapper mapper = new ObjectMapper();
  private final UrlPathHelper paths = new UrlPathHelper();

  public EngineApiGuard(IdentityService identityService, RepositoryService repositoryService,
      FormFieldNames formFields, LoginThrottle throttle, String webappPath, CompletionGate completionRules) {
    this.identityService = identityService;
    this.engine = new EngineAsSystem(identityService);
    this.completionRules = completionRules;
    this.repositoryService = repositoryService;
    this.formFields = formFields;
    this.throttle = throttle;
    this.webappPath = webappPath;
    this.webappEngine = Pattern.compile(Pattern.quote(webappPath) + "/api/engine/engine/[^/]+/(.*)");
    this.webappLogin = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/([^/]+)/?");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = paths.getPathWithinApplication(request);
    return !(path.startsWith("/engine-rest/") || path.startsWith(webappPath + "/api/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = paths.getPathWithinApplication(request);
    String method = request.getMethod();
    Matcher login = webappLogin.matcher(path);
    if (login.matches() && method.equals("POST")) {
      // read the form from a copy of the body, so that the webapp still reads it as it expects
      CachedBody body = CachedBody.of(request);
      if (body == null) {
        ProblemResponse.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Requête refusée", "La requête dépasse 2 Mo.");
        return;
      }
      if (webappLogin(body, response, login.group(1))) {
        chain.doFilter(body, response);
      }
      return;
    }
    String enginePath;
    Caller caller;
    Matcher webapp = webappEngine.matcher(path);
    if (path.startsWith("/engine-rest/")) {
      enginePath = path.substring("/engine-rest/".length());
      caller = restCaller();
    } else if (webapp.matches()) {
      enginePath = webapp.group(1);
      caller = sessionCaller(request);
    } else {
      chain.doFilter(request, response); // other webapp APIs: the webapps' own rules
      return;
    }
    if (caller == null) {
      chain.doFilter(request, response); // unauthenticated: the door itself answers 401
      return;
    }
    EngineApiPolicy.Decision decision = EngineApiPolicy.decide(caller.groups(), method, enginePath);
    if (!decision.allowed()) {
      refuse(response, HttpStatus.FORBIDDEN, decision.reason(), caller, method, enginePath);
      return;
    }
    Matcher completion = TASK_COMPLETION.matcher(enginePath);
    Matcher start = EngineApiPolicy.START.matcher(enginePath);
    if (method.equals("POST") && (completion.matches() || start.matches())) {
      CachedBody body = CachedBody.of(request);
      if (body == null) {
        refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "La requête dépasse 2 Mo.", caller, method, enginePath);
        return;
      }
      String refusal = completion.matches()
          ? checkCompletion(completion.group(1), caller.userId(), body.json(mapper))
          : checkStart(start.group(2), start.group(4), body.json(mapper));
      if (refusal != null) {
        refuse(response, refusal.startsWith("400:") ? HttpStatus.BAD_REQUEST : HttpStatus.FORBIDDEN,
            refusal.replaceFirst("^\\d{3}:", ""), caller, method, enginePath);
        return;
      }
      if (completion.matches() && refusedByTheRules(completion.group(1), body.json(mapper), response, caller, method,
          enginePath)) {
        return;
      }
      concurrencyAsConflict(body, response, chain);
      return;
    }
    if (!method.equals("GET") && CONCURRENT_WORK.matcher(enginePath).matches()) {
      concurrencyAsConflict(request, response, chain);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Two people acting on one task at once: the engine refuses the second with an optimistic-locking
   * failure (ENGINE-03005) or the database with a deadlock, which the engine's REST API answers 500.
   * Both doors answer 409 instead, in French and in the engine's error format, so that Tasklist shows why.
   */
  private void concurrencyAsConflict(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    org.springframework.web.util.ContentCachingResponseWrapper wrapper =
        new org.springframework.web.util.ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    if (wrapper.getStatus() == 500) {
      String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
      if (body.contains("ENGINE-03005") || body.contains("updated by another transaction concurrently")
          || body.contains("deadlock detected") || body.contains("OptimisticLockingException")) {
        wrapper.resetBuffer();
        wrapper.setStatus(409);
        wrapper.setContentType("application/json");
        wrapper.setCharacterEncoding("UTF-8");
        mapper.writeValue(wrapper.getOutputStream(), Map.of("type", "OptimisticLockingException",
            "message", "Une autre personne a traité cette tâche au même moment : rechargez la liste des tâches.",
            "code", 0));
      }
    } else if (wrapper.getStatus() == 400) {
      frenchRefusalOnly(wrapper);
    }
    wrapper.copyBodyToResponse();
  }

  /** "Cannot submit task form 12ab: " / "Cannot instantiate process definition agreement-action:1:…: " */
  private static final Pattern ENGINE_PREFIX = Pattern.compile(
      "^Cannot (?:submit task form|complete task|instantiate process definition|start process instance|submit form)"
          + " \\S+?: (.+)$", Pattern.DOTALL);

  /**
   * A refusal of the product's rules (completion rules, a start form's service task) carries a French message, which
   * the engine's REST API prefixes with its own English words ("Cannot submit task form 12ab: …"); Tasklist shows the
   * message as it comes, so both doors give the person the French sentence alone.
   */
  private void frenchRefusalOnly(org.springframework.web.util.ContentCachingResponseWrapper wrapper) throws IOException {
    JsonNode error;
    try {
      error = mapper.readTree(wrapper.getContentAsByteArray());
    } catch (IOException notJson) {
      return;
    }
    if (error == null || !error.path("message").isTextual()) {
      return;
    }
    Matcher prefixed = ENGINE_PREFIX.matcher(error.path("message").asText());
    if (prefixed.matches()) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) error).put("message", prefixed.group(1));
      wrapper.resetBuffer();
      wrapper.setContentType("application/json");
      wrapper.setCharacterEncoding("UTF-8");
      mapper.writeValue(wrapper.getOutputStream(), error);
    }
  }

  /** @return null when the completion may go on, else the French reason (prefixed "400:" for a malformed body). */
  private String checkCompletion(String taskId, String userId, Optional<JsonNode> json) {
    Optional<FormFieldNames.TaskForm> task = formFields.ofTask(taskId);
    if (task.isEmpty()) {
      return null; // no such task: the engine answers 404
    }
    String assignee = task.get().assignee();
    if (assignee != null && !assignee.equals(userId)) {
      // the same rule as CompleterPlugin's, answered here so that Tasklist gets a 403 rather than the engine's 500
      return "Cette tâche est attribuée à une autre personne : seule celle-ci peut la terminer.";
    }
    return checkBody(json, COMPLETION_FIELDS, task.get().fields(), "de cette tâche");
  }

  /**
   * The task's completion rules ({@code shared.completion}), before the engine: a refusal is a 400
   * problem listing the faulty fields, the task stays open and nothing is written.
   */
  private boolean refusedByTheRules(String taskId, Optional<JsonNode> json, HttpServletResponse response, Caller caller,
      String method, String enginePath) throws IOException {
    CompletionGate.Verdict verdict = completionRules.check(taskId,
        json.map(body -> body.path("variables")).orElse(null));
    if (verdict.problems().isEmpty()) {
      return false;
    }
    String detail = fr.pasdecalais.habitat.aap.shared.completion.CompletionRefusedException.message(
        verdict.taskName(), verdict.problems());
    LOG.info("Refusé à {} {}: {} {} — {}", caller.userId(), caller.groups(), method, enginePath, detail);
    ProblemResponse.write(response, HttpStatus.BAD_REQUEST, "Formulaire à corriger", detail,
        Map.of("errors", verdict.problems()));
    return true;
  }

  private String checkStart(String key, String id, Optional<JsonNode> json) {
    ProcessDefinition definition = engine.call(() -> {
      try {
        return key != null
            ? repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
            : repositoryService.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
      } catch (RuntimeException e) {
        return null;
      }
    });
    if (definition == null) {
      return null; // the engine answers 404
    }
    if (!EngineApiPolicy.startable(definition.getKey())) {
      return "Le processus « " + (definition.getName() == null ? definition.getKey() : definition.getName())
          + " » est démarré par l'application elle-même, jamais à la main.";
    }
    return checkBody(json, START_FIELDS, formFields.ofStart(definition.getId()), "du formulaire de démarrage");
  }

  private static String checkBody(Optional<JsonNode> json, Set<String> fields, Set<String> formFields, String where) {
    if (json.isEmpty()) {
      return null; // empty body: no variables
    }
    JsonNode body = json.get();
    if (!body.isObject()) {
      return "400:Le corps de la requête doit être un objet JSON.";
    }
    Set<String> unknown = new TreeSet<>();
    body.fieldNames().forEachRemaining(f -> {
      if (!fields.contains(f)) {
        unknown.add(f);
      }
    });
    if (!unknown.isEmpty()) {
      return "400:Champ(s) non admis dans la requête : " + String.join(", ", unknown) + ".";
    }
    JsonNode variables = body.path("variables");
    if (variables.isMissingNode() || variables.isNull()) {
      return null;
    }
    if (!variables.isObject()) {
      return "400:« variables » doit être un objet JSON.";
    }
    List<String> foreign = new ArrayList<>();
    for (Iterator<String> it = variables.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!formFields.contains(name)) {
        foreign.add(name);
      }
    }
    if (!foreign.isEmpty()) {
      return (foreign.size() == 1 ? "La variable « " + foreign.get(0) + " » ne fait pas partie"
          : "Les variables « " + String.join(" », « ", foreign) + " » ne font pas partie")
          + " du formulaire " + where + " : seules les valeurs du formulaire peuvent être transmises.";
    }
    return null;
  }

  /** @return true when the login may go on to the webapp. */
  private boolean webappLogin(CachedBody request, HttpServletResponse response, String app)
      throws IOException {
    Map<String, String> form = request.form();
    String user = form.get("username");
    String password = form.get("password");
    String source = request.getRemoteAddr();
    Optional<Duration> blocked = throttle.blockedFor(user, source);
    if (blocked.isPresent()) {
      response.setHeader("Retry-After", Long.toString(Math.max(1, blocked.get().toSeconds())));
      ProblemResponse.write(response, HttpStatus.TOO_MANY_REQUESTS, "Trop de tentatives", LoginThrottle.message(blocked.get()));
      return false;
    }
    boolean valid = user != null && password != null && engine.call(() -> identityService.checkPassword(user, password));
    if (!valid) {
      throttle.failed(user, source, Door.WEBAPP);
      ProblemResponse.write(response, HttpStatus.UNAUTHORIZED, "Connexion refusée", "Identifiant ou mot de passe incorrect.");
      return false;
    }
    throttle.succeeded(user, source);
    Set<String> allowed = APP_GROUPS.getOrDefault(app, Set.of());
    List<String> groups = engine.call(() -> identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList());
    if (groups.stream().noneMatch(allowed::contains)) {
      throttle.refused(user, source, Door.WEBAPP, "Application « " + app + " » non ouverte à ses groupes " + groups + ".");
      ProblemResponse.write(response, HttpStatus.FORBIDDEN, "Accès refusé",
          "Votre compte n'a pas accès à cette application.");
      return false;
    }
    return true;
  }

  private record Caller(String userId, Collection<String> groups) {}

  private static Caller restCaller() {
    org.springframework.security.core.Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return new Caller(auth.getName(), auth.getAuthorities().stream().map(a -> a.getAuthority())
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList());
  }

  private static Caller sessionCaller(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute("authenticatedUser") instanceof Authentications auths)) {
      return null;
    }
    for (UserAuthentication auth : auths.getAuthentications()) {
      if (auth.getIdentityId() != null) {
        return new Caller(auth.getIdentityId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
      }
    }
    return null;
  }

  private void refuse(HttpServletResponse response, HttpStatus status, String reason, Caller caller, String method,
      String enginePath) throws IOException {
    LOG.info("Refusé à {} {}: {} {} — {}", caller.userId(), caller.groups(), method, enginePath, reason);
    ProblemResponse.write(response, status, status == HttpStatus.FORBIDDEN ? "Accès refusé" : "Requête refusée", reason);
  }


  /** The request with its body read once, so that both this guard and the engine can read it. */
  static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] bytes;

    private CachedBody(HttpServletRequest request, byte[] bytes) {
      super(request);
      this.bytes = bytes;
    }

    /** @return null when the body is larger than {@link #MAX_BODY} */
    static CachedBody of(HttpServletRequest request) throws IOException {
      byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
      return bytes.length > MAX_BODY ? null : new CachedBody(request, bytes);
    }

    /** The fields of an {@code application/x-www-form-urlencoded} body (the first of each name). */
    Map<String, String> form() {
      Map<String, String> fields = new java.util.HashMap<>();
      for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          try {
            fields.putIfAbsent(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            // a malformed escape: the field is ignored, the login fails as with a wrong password
          }
        }
      }
      return fields;
    }

    Optional<JsonNode> json(ObjectMapper mapper) {
      if (bytes.length == 0) {
        return Optional.empty();
      }
      try {
        return Optional.ofNullable(mapper.readTree(bytes));
      } catch (IOException e) {
        return Optional.of(mapper.getNodeFactory().textNode("")); // not an object: refused as malformed
      }
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(bytes);
      return new ServletInputStream() {
        @Override public boolean isFinished() { return in.available() == 0; }
        @Override public boolean isReady() { return true; }
        @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
        @Override public int read() { return in.read(); }
        @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return bytes.length;
    }

    @Override
    public long getContentLengthLong() {
      return bytes.length;
    }
  }
}
