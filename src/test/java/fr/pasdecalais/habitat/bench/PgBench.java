package fr.pasdecalais.habitat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C_db arm: what the same PostgreSQL commits per second on its own, measured by {@code pgbench}
 * (TPC-B with 4 and 8 clients, and {@code bench/engine-shape.sql}, a transaction shaped like the
 * engine's completion of a task), each on database {@code bench_pgbench}.
 */
public final class PgBench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  private final String binary;
  private final BenchDatabase db;
  private final Path logs;

  public PgBench(String binary, BenchDatabase db, Path logs) {
    this.binary = binary;
    this.db = db;
    this.logs = logs;
  }

  /** Creates the TPC-B tables (scale 10: 1 000 000 accounts) and the engine-shaped tables. */
  public void init() throws Exception {
    db.recreate();
    exec(List.of(binary, "-i", "-q", "-s", "10"), "pgbench-init");
    String sql = new String(PgBench.class.getResourceAsStream("/bench/engine-shape-init.sql").readAllBytes(), StandardCharsets.UTF_8);
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    }
  }

  /** One round: TPC-B 4 and 8 clients, engine-shaped 8 clients, {@code seconds} each. */
  public Map<String, Object> round(int seconds, int round) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tpcb4Tps", tps(List.of("-c", "4", "-j", "2", "-T", "" + seconds, "-M", "prepared", "-n"), "tpcb4-" + round));
    out.put("tpcb8Tps", tps(List.of("-c", "8", "-j", "2", "-T", "" + seconds, "-M", "prepared", "-n"), "tpcb8-" + round));
    Path script = Files.createTempFile("engine-shape", ".sql");
    Files.write(script, PgBench.class.getResourceAsStream("/bench/engine-shape.sql").readAllBytes());
    out.put("engineShape8Tps", tps(List.of("-c", "8", "-j", "2", "-T", "" + seconds, "-M", "prepared", "-n",
        "-f", script.toString()), "shape8-" + round));
    Files.delete(script);
    return out;
  }

  private double tps(List<String> args, String name) throws Exception {
    List<String> command = new ArrayList<>(List.of(binary));
    command.addAll(args);
    String output = exec(command, name);
    Matcher m = TPS.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("pgbench sans tps : " + output);
    }
    return Double.parseDouble(m.group(1));
  }

  private String exec(List<String> command, String name) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(command);
    full.addAll(List.of("-h", db.host, "-p", "" + db.port, "-U", db.user, db.name));
    ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", db.password);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Files.writeString(logs.resolve(name + ".log"), output);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " : " + output);
    }
    return output;
  }
}
