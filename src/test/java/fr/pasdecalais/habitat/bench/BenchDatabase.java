package fr.pasdecalais.habitat.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's PostgreSQL server (from {@code BENCH_PG_*}, set by {@code bench/run.sh}): one
 * database per arm, created empty, and the server's own counters read for that database only.
 */
public final class BenchDatabase {

  public final String host = env("BENCH_PG_HOST", "127.0.0.1");
  public final int port = Integer.parseInt(env("BENCH_PG_PORT", "55432"));
  public final String user = env("BENCH_PG_USER", "bench");
  public final String password = env("BENCH_PG_PASSWORD", "bench");
  public final String name;

  public BenchDatabase(String name) {
    this.name = name;
  }

  public String url() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user, password);
  }

  /** Drops and creates the database, with pg_stat_statements when the server preloads it. */
  public BenchDatabase recreate() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    }
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    } catch (SQLException e) {
      System.err.println("pg_stat_statements indisponible sur " + name + " : " + e.getMessage());
    }
    return this;
  }

  /** Transactions committed in this database since the server started (pg_stat_database). */
  public long commits() throws SQLException {
    return longQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
  }

  public long sizeBytes() throws SQLException {
    return longQuery("SELECT pg_database_size(current_database())");
  }

  /** VACUUM FULL of the whole database: only live rows and their indexes remain. */
  public void vacuumFull() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("VACUUM FULL");
    }
  }

  /** The largest tables with their indexes: where the bytes of a lifecycle go. */
  public List<Map<String, Object>> largestTables(int limit) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT c.relname, pg_total_relation_size(c.oid) AS total, c.reltuples::bigint AS rows"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = 'public'"
            + " ORDER BY 2 DESC LIMIT " + limit)) {
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("table", rs.getString(1));
        row.put("bytes", rs.getLong(2));
        row.put("rows", rs.getLong(3));
        rows.add(row);
      }
    }
    return rows;
  }

  public void resetStatements() {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)");
    } catch (SQLException e) {
      // no pg_stat_statements on this server: the report says so
    }
  }

  /**
   * This database's statements since the last reset (pg_stat_statements): {@code calls} sent by the clients
   * (the foreign-key checks PostgreSQL runs inside them, {@code SELECT 1 FROM ONLY …}, apart as {@code fkChecks})
   * and their total execution time; empty when pg_stat_statements is not there.
   */
  public Map<String, Object> statementTotals() {
    Map<String, Object> totals = new LinkedHashMap<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(sum(calls) FILTER (WHERE query NOT LIKE 'SELECT 1 FROM ONLY %'), 0),"
            + " coalesce(sum(calls) FILTER (WHERE query LIKE 'SELECT 1 FROM ONLY %'), 0),"
            + " coalesce(sum(total_exec_time) FILTER (WHERE query NOT LIKE 'SELECT 1 FROM ONLY %'), 0)"
            + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
      rs.next();
      totals.put("calls", rs.getLong(1));
      totals.put("fkChecks", rs.getLong(2));
      totals.put("execMs", Stats.round(rs.getDouble(3)));
    } catch (SQLException e) {
      // no pg_stat_statements on this server
    }
    return totals;
  }

  /** The statements of this database by total execution time (pg_stat_statements). */
  public List<Map<String, Object>> topStatements(int limit) {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT calls, round(total_exec_time::numeric, 1) AS total_ms,"
            + " round(mean_exec_time::numeric, 3) AS mean_ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 220) AS query"
            + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " ORDER BY total_exec_time DESC LIMIT " + limit)) {
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("calls", rs.getLong("calls"));
        row.put("totalMs", rs.getDouble("total_ms"));
        row.put("meanMs", rs.getDouble("mean_ms"));
        row.put("rows", rs.getLong("rows"));
        row.put("query", rs.getString("query"));
        rows.add(row);
      }
    } catch (SQLException e) {
      rows.add(Map.of("query", "pg_stat_statements indisponible : " + e.getMessage()));
    }
    return rows;
  }

  public long longQuery(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String env(String key, String fallback) {
    String v = System.getenv(key);
    return v == null || v.isBlank() ? fallback : v;
  }
}
