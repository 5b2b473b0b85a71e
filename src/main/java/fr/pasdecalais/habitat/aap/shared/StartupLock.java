package fr.pasdecalais.habitat.aap.shared;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What a node does once at start-up against the shared database (the product's migrations, the
 * engine's schema and its deployment, the groups, grants, administrator and Tasklist filters, the demo
 * data) is done by one node at a time: two nodes started together on one empty PostgreSQL would both
 * find the engine's tables missing and both create them (one fails: "relation already exists"), both
 * create the same group (duplicate key) or the same Tasklist filter (twice: filters have no unique
 * name). Each such step runs under this lock and then finds what the other node made:
 * <ul>
 * <li>{@code config.FlywayAroundEngine} holds it from the first migrations to the last (the engine's
 * schema and its deployment in between);</li>
 * <li>this bean holds it around every {@link ApplicationReadyEvent} listener of the application
 * ({@code identity.IdentitySetup} at order 10, the demo loaders at 15 to 40): taken first, released
 * after order {@value #READY_SETUP_DONE}.</li>
 * </ul>
 *
 * <p>On PostgreSQL: a transaction-scoped advisory lock ({@code pg_advisory_xact_lock}) held by a
 * connection of its own (outside the pool), in a transaction that writes nothing: released by the commit, or by the
 * server when the node dies (its connection closes), never left behind. Reentrant within a thread.
 * On another database (H2, one node by construction): no lock.
 */
@Component
public class StartupLock implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  /** The advisory lock's key: "AAPSTART" in ASCII. */
  static final long KEY = 0x4141505354415254L;

  /** The order after which the ready-time set-up is done and the lock released. */
  static final int READY_SETUP_DONE = 1000;

  private final DataSource dataSource;
  private final ThreadLocal<Held> held = new ThreadLocal<>();
  private volatile Held outstanding;
  private Held readySetup;

  public StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Before the first ready-time set-up (groups, grants, administrator, filters, demo data). */
  @EventListener
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public void beforeReadySetup(ApplicationReadyEvent event) {
    readySetup = acquire("groupes, autorisations, administrateur, filtres, données de démonstration");
  }

  /** After the last one. A listener that throws fails the start: {@link #destroy()} releases then. */
  @EventListener
  @Order(READY_SETUP_DONE)
  public void afterReadySetup(ApplicationReadyEvent event) {
    if (readySetup != null) {
      readySetup.close();
      readySetup = null;
    }
  }

  /** Runs {@code work} while holding the lock ({@code what}: for the log). */
  public void runAlone(String what, Runnable work) {
    try (Held lock = acquire(what)) {
      work.run();
    }
  }

  /**
   * Takes the lock until the returned handle is closed (it may be closed by another bean's creation on
   * the same thread, as {@code config.FlywayAroundEngine} does from the first migrations to the last).
   */
  public Held acquire(String what) {
    Held current = held.get();
    if (current != null) {
      current.depth++;
      return current;
    }
    try {
      Connection connection = lockConnection();
      try {
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
          connection.close();
          return registered(new Held(this, null, what));
        }
        long start = System.nanoTime();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
          lock.setLong(1, KEY);
          lock.execute();
        }
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        if (waitedMs > 1_000) {
          LOG.info("Verrou de démarrage obtenu après {} ms d'attente (un autre nœud démarrait) : {}", waitedMs, what);
        }
        return registered(new Held(this, connection, what));
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Verrou de démarrage indisponible (" + what + ") : " + e.getMessage(), e);
    }
  }

  /**
   * A physical connection of its own, outside the pool, when the pool is Hikari's: the lock is held for
   * the whole start while Flyway, the engine and the set-up need connections of the pool (taken from
   * the pool, a pool of 2 could not start: "Connection is not available … total=2, active=2"). Another
   * data source: one of its connections.
   */
  private Connection lockConnection() throws SQLException {
    HikariDataSource hikari = dataSource.isWrapperFor(HikariDataSource.class)
        ? dataSource.unwrap(HikariDataSource.class) : null;
    if (hikari == null || hikari.getJdbcUrl() == null) {
      return dataSource.getConnection();
    }
    Properties properties = new Properties();
    properties.putAll(hikari.getDataSourceProperties());
    if (hikari.getUsername() != null) {
      properties.setProperty("user", hikari.getUsername());
    }
    if (hikari.getPassword() != null) {
      properties.setProperty("password", hikari.getPassword());
    }
    return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
  }

  private Held registered(Held lock) {
    held.set(lock);
    outstanding = lock;
    return lock;
  }

  /** A context that fails to start does not keep the lock (its connection goes back, rolled back). */
  @Override
  public void destroy() {
    Held lock = outstanding;
    if (lock != null && !lock.released) {
      lock.release();
    }
  }

  /** The lock, held until {@link #close()} (as many closes as acquisitions on the thread). */
  public static final class Held implements AutoCloseable {
    private final StartupLock owner;
    private final Connection connection;
    private final String what;
    private int depth = 1;
    private volatile boolean released;

    private Held(StartupLock owner, Connection connection, String what) {
      this.owner = owner;
      this.connection = connection;
      this.what = what;
    }

    @Override
    public void close() {
      if (--depth > 0) {
        return;
      }
      release();
    }

    private synchronized void release() {
      if (released) {
        return;
      }
      released = true;
      owner.held.remove();
      if (connection == null) {
        return;
      }
      try (connection) {
        connection.commit();
        connection.setAutoCommit(true);
      } catch (SQLException e) {
        LOG.warn("Verrou de démarrage ({}) : libération par la fermeture de la connexion : {}", what, e.getMessage());
      }
    }
  }
}
