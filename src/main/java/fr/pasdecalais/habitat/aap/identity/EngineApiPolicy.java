package fr.pasdecalais.habitat.aap.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each group may ask of the engine's REST API, whichever door it comes through:
 * {@code /engine-rest/**} (HTTP basic) or {@code /camunda/api/engine/engine/{engine}/**} (the
 * webapps' session). The engine's own authorizations then apply to what passes; this policy is
 * the first gate, so that a refused request never reaches the engine (a refused job execution
 * cannot burn a retry, a refused variable write writes nothing).
 *
 * <p>Paths are the engine resource paths without the door prefix, e.g. {@code task/abc/complete}.
 * The table is documented in {@code docs/access-matrix.md}; {@code AccessMatrixTest} runs it.
 */
public final class EngineApiPolicy {

  /** Processes a person may start (from Tasklist or the REST API): the others are started by the engine. */
  public static final Set<String> STARTABLE_BY_PEOPLE = Set.of("call-for-projects", "application", "agreement-action",
      "payment-collection");
  /**
   * The processes both finance groups start (a collection on a titre de recette: the delegate then checks
   * that the starter belongs to the payer group of the titre's convention); the others are the instructeurs'.
   */
  public static final Set<String> STARTABLE_BY_FINANCES = Set.of("payment-collection");

  /** Groups whose members work in Tasklist and may complete their tasks. */
  static final Set<String> TASK_WORKERS = Set.of(Groups.INSTRUCTEURS, Groups.JURY, Groups.SECRETARIAT, Groups.FINANCES,
      Groups.ETAT_FINANCES, Groups.PREFECTURE);

  /** Groups that may use the engine API at all (partners never: their door is {@code /api}). */
  static final Set<String> ENGINE_USERS = Set.of(Groups.INSTRUCTEURS, Groups.JURY, Groups.SECRETARIAT,
      Groups.FINANCES, Groups.ETAT_FINANCES, Groups.PREFECTURE, Groups.SUPERVISEURS, Groups.ADMIN);

  /** Nobody, the administrator included: testing another account's password. */
  private static final Pattern NEVER = Pattern.compile("identity/verify");

  /** Tasklist reads: tasks, filters, forms, the process definitions to start, users and groups. */
  private static final Pattern TASKLIST_READ = Pattern.compile(String.join("|",
      "engine", "version", "authorization/check",
      "task(/count)?", "task/[^/]+", "task/[^/]+/(form|deployed-form|rendered-form|form-variables|identity-links|comment(/[^/]+)?)",
      "filter(/count)?", "filter/[^/]+(/(list|count|singleResult))?",
      "process-definition(/count)?",
      "process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)(/(xml|form|startForm|deployed-start-form|rendered-form|form-variables|diagram|statistics))?",
      "deployment/[^/]+/resources(/[^/]+(/data)?)?",
      "user(/count)?", "user/[^/]+/profile", "group(/count)?", "group/[^/]+", "identity/groups",
      "history/user-operation(/count)?", "history/task(/count)?"));

  /** Tasklist reads that may be sent as POST queries. */
  private static final Pattern TASKLIST_QUERY = Pattern.compile(
      "task(/count)?|filter/[^/]+/(list|count|singleResult)|history/task(/count)?");

  /** Work on a task: claim, complete, comment. */
  private static final Pattern TASK_WORK = Pattern.compile(
      "task/[^/]+/(claim|unclaim|complete|submit-form|comment/create)");

  /** Giving a task to a colleague: agents only (a jury member's task is theirs alone). */
  private static final Pattern TASK_ASSIGN = Pattern.compile("task/[^/]+/assignee");

  /** Starting a process instance (the process key is checked by {@link #startable}). */
  public static final Pattern START = Pattern.compile(
      "process-definition/(key/([^/]+)(/tenant-id/[^/]+)?|([^/]+))/(start|submit-form)");

  /** Collection queries sent as POST (Cockpit): a single segment, {@code x/count}, {@code history/x(/count)}. */
  private static final Pattern POST_QUERY = Pattern.compile("(history/)?[a-z-]+(/count)?");
  private static final Set<String> POST_ACTIONS = Set.of("message", "signal", "condition", "history/cleanup");

  /** Variables of anything but the task being completed: refused to all but the administrator. */
  private static final Pattern VARIABLE_WRITE = Pattern.compile(
      "(task|process-instance|execution|case-instance|case-execution)/[^/]+/(variables|localVariables)(/.*)?"
          + "|process-instance/variables-async");

  private EngineApiPolicy() {}

  /** A refusal (status and French reason), or {@link #ALLOWED}. */
  public record Decision(int status, String reason) {
    public boolean allowed() {
      return status == 0;
    }
  }

  public static final Decision ALLOWED = new Decision(0, null);

  /**
   * @param groups the caller's groups (empty for a user in none)
   * @param method HTTP method
   * @param path engine resource path, no leading slash, no query string
   */
  public static Decision decide(Collection<String> groups, String method, String path) {
    String p = normalise(path);
    boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    if (NEVER.matcher(p).matches()) {
      return refuse("La vérification du mot de passe d'un autre compte n'est pas ouverte par l'API du moteur.");
    }
    if (groups.stream().noneMatch(ENGINE_USERS::contains)) {
      return refuse("Votre compte n'a pas accès à l'API du moteur de processus : utilisez l'API /api.");
    }
    if (groups.contains(Groups.ADMIN)) {
      return ALLOWED;
    }
    boolean supervisor = groups.contains(Groups.SUPERVISEURS);
    boolean worker = groups.stream().anyMatch(TASK_WORKERS::contains);
    if (VARIABLE_WRITE.matcher(p).matches() && !read) {
      return refuse("Les variables d'un processus ne se modifient qu'en terminant la tâche, avec son formulaire.");
    }
    if (read) {
      if (supervisor || (worker && TASKLIST_READ.matcher(p).matches())) {
        return ALLOWED;
      }
      return refuse("Cette lecture n'est pas ouverte à votre rôle.");
    }
    if (method.equals("POST")) {
      boolean query = POST_QUERY.matcher(p).matches() && !POST_ACTIONS.contains(p);
      if ((supervisor && query) || TASKLIST_QUERY.matcher(p).matches()) {
        return ALLOWED; // queries: the engine returns only what the user may read
      }
      if ((worker || supervisor) && TASK_WORK.matcher(p).matches()) {
        // supervisors complete the tasks given to their group (a late final report); the engine's per-task
        // grants keep them off every other task
        return ALLOWED;
      }
      if (TASK_ASSIGN.matcher(p).matches() && groups.stream().anyMatch(
          Groups.OFFICE_GROUPS::contains)) {
        return ALLOWED;
      }
      if (START.matcher(p).matches() && (groups.contains(Groups.INSTRUCTEURS) || groups.contains(Groups.FINANCES)
          || groups.contains(Groups.ETAT_FINANCES))) {
        // the process itself is checked by EngineApiGuard (startable) and CREATE_INSTANCE: the finance groups
        // hold it on "payment-collection" only
        return ALLOWED;
      }
    }
    return refuse(supervisor && !worker
        ? "Les superviseurs consultent les processus sans les modifier."
        : "Cette opération n'est pas ouverte à votre rôle.");
  }

  /** Whether a person may start instances of this process definition key. */
  public static boolean startable(String processDefinitionKey) {
    return STARTABLE_BY_PEOPLE.contains(processDefinitionKey);
  }

  private static Decision refuse(String reason) {
    return new Decision(403, reason);
  }

  private static String normalise(String path) {
    String p = path == null ? "" : path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
