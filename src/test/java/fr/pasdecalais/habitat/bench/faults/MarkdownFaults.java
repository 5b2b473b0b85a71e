package fr.pasdecalais.habitat.bench.faults;

import java.util.List;
import java.util.Map;

/** The report in Markdown (French: people read it). */
final class MarkdownFaults {

  private MarkdownFaults() {}

  @SuppressWarnings("unchecked")
  static String render(Map<String, Object> report) {
    StringBuilder b = new StringBuilder("# Banc de pannes — Appels à projets\n\n");
    b.append("Commande : `").append(report.get("command")).append("`  \n");
    b.append("Début : ").append(report.get("startedAt")).append(" ; fin : ").append(report.getOrDefault("endedAt", "en cours"))
        .append("  \n");
    Object passed = report.get("allInvariantsPassed");
    b.append("Résultat : **").append(passed == null ? "en cours" : Boolean.TRUE.equals(passed) ? "tous les invariants PASS"
        : "au moins un invariant FAIL").append("**\n\n");
    b.append("## Machine\n\n");
    ((Map<String, Object>) report.get("machine")).forEach((k, v) -> b.append("- ").append(k).append(" : ").append(v).append('\n'));
    b.append("\n## Paramètres\n\n");
    ((Map<String, Object>) report.get("parameters")).forEach((k, v) -> b.append("- ").append(k).append(" = ").append(v).append('\n'));
    for (Map<String, Object> sc : (List<Map<String, Object>>) report.get("scenarios")) {
      b.append("\n## ").append(sc.getOrDefault("name", "?")).append("\n\n");
      if (sc.containsKey("error")) {
        b.append("**Scénario interrompu** : ").append(sc.get("error")).append("\n\n");
      }
      List<Map<String, Object>> inv = (List<Map<String, Object>>) sc.get("invariants");
      if (inv != null) {
        b.append("| Invariant | Résultat | Détail |\n|---|---|---|\n");
        for (var c : inv) {
          b.append("| ").append(c.get("invariant")).append(" | **").append(c.get("result")).append("** | ")
              .append(String.valueOf(c.get("detail")).replace("|", "/").replace("\n", " ")).append(" |\n");
        }
        b.append('\n');
      }
      b.append("Chiffres :\n\n");
      sc.forEach((k, v) -> {
        if (!List.of("name", "invariants", "figures", "killLog", "nodeLogs").contains(k)) {
          b.append("- ").append(k).append(" : ").append(v).append('\n');
        }
      });
      Object f = sc.get("figures");
      if (f instanceof Map<?, ?> figures) {
        figures.forEach((k, v) -> b.append("- ").append(k).append(" : ").append(v).append('\n'));
      }
      Object kills = sc.get("killLog");
      if (kills instanceof List<?> list && !list.isEmpty()) {
        b.append("\nJournal du tueur (graine ").append(((Map<String, Object>) report.get("parameters")).get("seed"))
            .append(") :\n\n");
        for (Object k : list) {
          b.append("- ").append(k).append('\n');
        }
      }
      if (sc.get("nodeLogs") != null) {
        b.append("\nJournaux des nœuds : ").append(sc.get("nodeLogs")).append('\n');
      }
    }
    return b.toString();
  }
}
