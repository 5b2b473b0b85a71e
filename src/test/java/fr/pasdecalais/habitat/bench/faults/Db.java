package fr.pasdecalais.habitat.bench.faults;

import fr.pasdecalais.habitat.bench.BenchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads straight from PostgreSQL (a connection per read, retried while the server restarts). */
final class Db {

  final BenchDatabase db;

  Db(BenchDatabase db) {
    this.db = db;
  }

  List<Map<String, Object>> rows(String sql, Object... args) {
    SQLException last = null;
    for (int attempt = 0; attempt < 120; attempt++) {
      try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          s.setObject(i + 1, args[i]);
        }
        try (ResultSet rs = s.executeQuery()) {
          ResultSetMetaData md = rs.getMetaData();
          List<Map<String, Object>> out = new ArrayList<>();
          while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              row.put(md.getColumnLabel(i), rs.getObject(i));
            }
            out.add(row);
          }
          return out;
        }
      } catch (SQLException e) {
        last = e;
        if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
          break; // a wrong query: no use retrying
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new IllegalStateException("lecture PostgreSQL impossible : " + sql + " — " + last, last);
  }

  long count(String sql, Object... args) {
    return ((Number) rows(sql, args).get(0).values().iterator().next()).longValue();
  }

  boolean exists(String sql, Object... args) {
    return !rows(sql, args).isEmpty();
  }

  String string(String sql, Object... args) {
    List<Map<String, Object>> r = rows(sql, args);
    return r.isEmpty() ? null : (String) r.get(0).values().iterator().next();
  }

  List<Object> openTaskKeys(String ref, String app) {
    return rows("select t.task_def_key_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
        + " where e.business_key_ in (?, ?)", ref, app == null ? "-" : app).stream()
        .map(r -> r.get("task_def_key_")).toList();
  }

  /** Jobs still to run: due (or without date) with retries left, or locked by a node. */
  long pendingJobs() {
    return count("select count(*) from act_ru_job where (retries_ > 0 and (duedate_ is null or duedate_ <= now()))"
        + " or lock_exp_time_ is not null");
  }
}
