package fr.pasdecalais.habitat.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine the figures come from. */
final class Machine {

  private Machine() {}

  static Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    m.put("cpuModel", grep("/proc/cpuinfo", "model name"));
    m.put("memory", grep("/proc/meminfo", "MemTotal"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    try (var c = new BenchDatabase("postgres").connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version(), current_setting('shared_buffers'), current_setting('synchronous_commit')")) {
      rs.next();
      m.put("postgresql", rs.getString(1));
      m.put("postgresqlSettings", "shared_buffers=" + rs.getString(2) + ", synchronous_commit=" + rs.getString(3));
    } catch (Exception e) {
      m.put("postgresql", "inconnu : " + e.getMessage());
    }
    return m;
  }

  private static String grep(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key)).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    } catch (Exception e) {
      return "?";
    }
  }
}
