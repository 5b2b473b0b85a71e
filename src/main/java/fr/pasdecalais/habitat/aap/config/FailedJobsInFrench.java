package fr.pasdecalais.habitat.aap.config;

import java.sql.SQLException;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Incidents that happen are actionable. Every job (asynchronous service and send tasks, timers) that
 * fails is run {@value #RETRIES} times in all, one minute apart ({@link #RETRY_CYCLE}, the engine-wide
 * default that no model overrides: a database restart or an SMTP relay's outage of a few seconds to
 * twenty minutes costs a minute's delay, no incident; see docs/architecture.md, "Faults and how each is
 * handled"), and the message the engine stores on the job and then on the
 * incident Cockpit shows says in French what failed and what to do, e.g. « Envoi du courriel
 * impossible : serveur de messagerie injoignable. Le moteur réessaiera 19 fois toutes les minutes ;
 * ensuite, vérifiez la configuration SMTP puis relancez le job dans Cockpit. ». The technical cause
 * stays in the job's stack trace.
 *
 * <p>A <em>write conflict</em> (an optimistic-locking conflict of the engine or of JPA, a deadlock or
 * serialization failure of the database) is not an outage: another transaction changed the same rows
 * at the same instant and has committed, so the job is run again within seconds
 * ({@link #CONFLICT_RETRY_MAX_MS}, random so that two losers do not collide again), not a minute
 * later. It still counts as one of the {@value #RETRIES} runs: a conflict that never ends still
 * becomes an incident.
 */
@Component
public class FailedJobsInFrench extends AbstractProcessEnginePlugin {

  /** Twenty runs one minute apart: the first retry soon after a short outage, twenty minutes covered. */
  public static final String RETRY_CYCLE = "R20/PT1M";
  public static final int RETRIES = 20;
  /** The interval of {@link #RETRY_CYCLE}, as the messages say it. */
  static final String INTERVAL = "toutes les minutes";
  /** A job that lost a write conflict runs again after a random pause of at most this. */
  static final long CONFLICT_RETRY_MAX_MS = 2_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobRetryTimeCycle(RETRY_CYCLE);
    configuration.setFailedJobCommandFactory(new FailedJobCommandFactory() {
      @Override
      public Command<Object> getCommand(String jobId, Throwable exception) {
        return context -> {
          JobEntity job = context.getJobManager().findJobById(jobId);
          Throwable french = exception;
          if (job != null) {
            boolean first = job.getExceptionByteArrayId() == null && job.getExceptionMessage() == null;
            int left = (first ? RETRIES : job.getRetries()) - 1;
            french = new FailedJobException(message(activityName(job), exception, left), exception);
          }
          Object result = new DefaultJobRetryCmd(jobId, french).execute(context);
          if (job != null && job.getRetries() > 0 && writeConflict(exception)) {
            // the same entity the retry command has just updated (the command context's cache)
            job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime()
                + ThreadLocalRandom.current().nextLong(CONFLICT_RETRY_MAX_MS + 1)));
          }
          return result;
        };
      }
    });
  }

  private static String activityName(JobEntity job) {
    try {
      ExecutionEntity execution = job.getExecution();
      if (execution != null && execution.getActivity() != null) {
        Object name = execution.getActivity().getProperty("name");
        return name != null ? name.toString() : execution.getActivity().getId();
      }
    } catch (RuntimeException e) {
      // no activity to name: the message says "l'étape"
    }
    return job.getActivityId();
  }

  /** What failed and what to do, in French; {@code retriesLeft} after this failure. */
  static String message(String activity, Throwable exception, int retriesLeft) {
    String step = activity == null ? "l'étape automatique" : "l'étape « " + activity + " »";
    if (writeConflict(exception)) {
      return "Conflit d'écriture : une autre opération a modifié les mêmes données au même instant (" + step
          + "). Rien n'a été enregistré par cette tentative."
          + (retriesLeft > 0
              ? " Le moteur la reprend dans quelques secondes (encore " + retriesLeft + " essais au plus)."
              : " Le moteur a réessayé " + RETRIES + " fois sans succès : relancez le job dans Cockpit (« Retry »).");
    }
    String what;
    String check;
    if (causedBy(exception, "org.springframework.mail.MailException", "jakarta.mail.MessagingException")) {
      what = "Envoi du courriel impossible : serveur de messagerie injoignable ou courriel refusé (" + step + ").";
      check = "vérifiez la configuration SMTP (spring.mail.*) et l'adresse du destinataire";
    } else if (causedBy(exception, "com.lowagie.text.DocumentException", "com.itextpdf.text.DocumentException")
        || String.valueOf(exception.getMessage()).contains("n'a pas pu être générée")) {
      what = "Génération du PDF impossible (" + step + ") : " + exception.getMessage();
      check = "vérifiez le modèle de document et les données du dossier";
    } else if (causedBy(exception, "org.springframework.dao.DataAccessException", "java.sql.SQLException")) {
      what = "Base de données indisponible ou contrainte violée (" + step + ").";
      check = "vérifiez la base de données et son journal";
    } else {
      what = "Échec de " + step + " : " + exception.getMessage();
      check = "corrigez la cause indiquée (données du dossier, configuration)";
    }
    String then = retriesLeft > 0
        ? " Le moteur réessaiera " + retriesLeft + " fois " + INTERVAL + " ; ensuite, " + check
            + " puis relancez le job dans Cockpit."
        : " Le moteur a réessayé " + RETRIES + " fois " + INTERVAL + " sans succès : " + check
            + ", puis relancez le job dans Cockpit (« Retry »).";
    return what + then;
  }

  /**
   * Another transaction won a race for the same rows: the engine's optimistic locking (a revision
   * changed), JPA's ({@code @Version}), or the database's own deadlock (SQLSTATE 40P01) or
   * serialization failure (40001). Retrying soon is right: the winner has committed.
   */
  static boolean writeConflict(Throwable exception) {
    if (causedBy(exception, "org.camunda.bpm.engine.OptimisticLockingException",
        "org.springframework.dao.OptimisticLockingFailureException", "jakarta.persistence.OptimisticLockException",
        "org.hibernate.StaleStateException", "org.springframework.dao.PessimisticLockingFailureException")) {
      return true;
    }
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean causedBy(Throwable exception, String... classNames) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
        for (String name : classNames) {
          if (c.getName().equals(name)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The failure as Cockpit shows it: the French message, the original exception as cause. */
  public static class FailedJobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FailedJobException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
