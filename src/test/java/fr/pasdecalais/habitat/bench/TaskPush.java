package fr.pasdecalais.habitat.bench;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The driver's push channel (benchmark classes only, never in the product's code): an engine plugin
 * that adds, to every parsed model, a task listener on {@code create} and process-level listeners on
 * {@code start} and {@code end}. They run inside the engine's transaction and hand their fact to the
 * driver only once that transaction has committed ({@link TransactionState#COMMITTED}), so the driver
 * never sees a task that a rollback would take back. Tasks are keyed by the business key of their
 * process instance (read from the execution, no database read), their definition key and their
 * assignee; live process instances are counted per business key.
 *
 * <p>The bare arm adds the plugin to its {@code StandaloneProcessEngineConfiguration}; the product gets
 * it as a bean of {@link Config}, an extra source given to {@code SpringApplicationBuilder} by
 * {@link ProductNode} (Camunda's starter hands every {@code ProcessEnginePlugin} bean to the engine).
 *
 * <p>The driver waits on futures; a slow safety net ({@link #FALLBACK_SECONDS} s) polls the database
 * when a push is late or missing: those polls are counted in {@link #DRIVER_READS}, apart from the
 * reads a user's form makes ({@link #FORM_READS}) and the final checks ({@link #VERIFICATIONS}).
 */
public final class TaskPush extends AbstractProcessEnginePlugin {

  /** A task as the driver needs it to open and submit its form. */
  public record Created(String id, String processInstanceId, String executionId) {}

  /**
   * Silence after which the safety net polls: well above the lot's closing timer
   * ({@link ProductLifecycle#CLOSING_DELAY_SECONDS} s), the one wait of a lifecycle that is long by design,
   * and above the job executor's backlog at saturation (asynchronous steps). A push that never comes costs
   * this much latency and is counted ({@link #MISSED_PUSHES}).
   */
  static final int FALLBACK_SECONDS = 30;
  /** Database reads the driver makes to find a task or an end (the fallback poll). Target ≈ 0. */
  static final AtomicLong DRIVER_READS = new AtomicLong();
  /** Safety-net polls that found what the push had not delivered (a missed or late push). */
  static final AtomicLong MISSED_PUSHES = new AtomicLong();
  /** Reads a user's form makes (a variable shown in the form before it is submitted). */
  static final AtomicLong FORM_READS = new AtomicLong();
  /** The lifecycle's final checks (all processes ended, payments to the cent). */
  static final AtomicLong VERIFICATIONS = new AtomicLong();
  /** Facts pushed (tasks created, processes started or ended), after commit. */
  static final AtomicLong PUSHED = new AtomicLong();
  /** Off during loads that do not drive lifecycles (nothing kept then). */
  static volatile boolean enabled = true;

  private static final Map<String, CompletableFuture<Created>> TASKS = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> LIVE = new ConcurrentHashMap<>();
  private static final Object ENDS = new Object();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    TaskListener created = TaskPush::created;
    ExecutionListener started = e -> processEvent(e, +1);
    ExecutionListener ended = e -> processEvent(e, -1);
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, created);
      }

      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity definition) {
        definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, started);
        definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
      }
    });
  }

  static String taskKey(String businessKey, String taskDefinitionKey, String assignee) {
    return businessKey + "/" + taskDefinitionKey + "/" + (assignee == null ? "" : assignee);
  }

  private static void created(DelegateTask task) {
    if (!enabled) {
      return;
    }
    DelegateExecution execution = task.getExecution();
    String bk = execution == null ? null : execution.getProcessBusinessKey();
    String owner = bk != null ? bk : task.getProcessInstanceId();
    Created c = new Created(task.getId(), task.getProcessInstanceId(), task.getExecutionId());
    // the assignee as the transaction leaves it (a listener after this one may still assign the task)
    afterCommit(() -> TASKS.computeIfAbsent(taskKey(owner, task.getTaskDefinitionKey(), task.getAssignee()),
        k -> new CompletableFuture<>()).complete(c));
  }

  private static void processEvent(DelegateExecution e, int delta) {
    if (!enabled) {
      return;
    }
    String bk = e.getProcessBusinessKey() != null ? e.getProcessBusinessKey() : e.getProcessInstanceId();
    afterCommit(() -> {
      LIVE.computeIfAbsent(bk, k -> new AtomicInteger()).addAndGet(delta);
      if (delta < 0) {
        synchronized (ENDS) {
          ENDS.notifyAll();
        }
      }
    });
  }

  private static void afterCommit(Runnable publish) {
    CommandContext context = Context.getCommandContext();
    Runnable counted = () -> {
      PUSHED.incrementAndGet();
      publish.run();
    };
    if (context == null) {
      counted.run();
    } else {
      context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, c -> counted.run());
    }
  }

  /**
   * The task {@code taskDefinitionKey} of the process instance of business key {@code businessKey}
   * (assigned to {@code assignee} when not null), as soon as its creation is committed; the fallback
   * poll {@code probe} (a database read, counted) runs only every {@link #FALLBACK_SECONDS} s of silence.
   */
  static Created awaitTask(String businessKey, String taskDefinitionKey, String assignee, Supplier<Created> probe)
      throws InterruptedException {
    String key = taskKey(businessKey, taskDefinitionKey, assignee);
    CompletableFuture<Created> future = TASKS.computeIfAbsent(key, k -> new CompletableFuture<>());
    long deadline = System.nanoTime() + Waits.TIMEOUT.toNanos();
    try {
      while (true) {
        try {
          return future.get(FALLBACK_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException late) {
          DRIVER_READS.incrementAndGet();
          Created polled = probe.get();
          if (polled != null) {
            MISSED_PUSHES.incrementAndGet();
            return polled;
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("attente dépassée : " + taskDefinitionKey + " de " + businessKey);
          }
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException(e);
        }
      }
    } finally {
      TASKS.remove(key, future);
    }
  }

  /**
   * Returns once every process instance of these business keys has ended (pushed), then checks it
   * once in the database ({@code check}, a verification); if the check disagrees, polls it every
   * {@link #FALLBACK_SECONDS} s (driver reads).
   */
  static void awaitEnd(String what, BooleanSupplier check, String... businessKeys) throws InterruptedException {
    long deadline = System.nanoTime() + Waits.TIMEOUT.toNanos();
    boolean trustPush = true;
    while (true) {
      long net = System.nanoTime() + FALLBACK_SECONDS * 1_000_000_000L;
      synchronized (ENDS) {
        long left;
        while (!(trustPush && allEnded(businessKeys)) && (left = net - System.nanoTime()) > 0) {
          ENDS.wait(Math.max(1, left / 1_000_000));
        }
      }
      if (trustPush && allEnded(businessKeys)) {
        VERIFICATIONS.incrementAndGet(); // pushed: checked once in the database
        if (check.getAsBoolean()) {
          forget(businessKeys);
          return;
        }
        trustPush = false; // the database disagrees: the safety net decides from now on
      } else {
        DRIVER_READS.incrementAndGet(); // silence: the safety net polls
        if (check.getAsBoolean()) {
          MISSED_PUSHES.incrementAndGet();
          forget(businessKeys);
          return;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("attente dépassée : " + what);
      }
    }
  }

  /** Tasks pushed and not (yet) taken by the driver: tasks the lifecycle does not drive stay here. */
  static int pendingTasks() {
    return TASKS.size();
  }

  private static boolean allEnded(String... businessKeys) {
    for (String bk : businessKeys) {
      AtomicInteger live = LIVE.get(bk);
      if (live != null && live.get() > 0) {
        return false;
      }
    }
    return true;
  }

  private static void forget(String... businessKeys) {
    for (String bk : businessKeys) {
      LIVE.remove(bk);
    }
  }

  /** The product's bean source: the plugin as a bean (benchmark classpath only). */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  public static class Config {
    @org.springframework.context.annotation.Bean
    public TaskPush benchTaskPush() {
      return new TaskPush();
    }
  }
}
