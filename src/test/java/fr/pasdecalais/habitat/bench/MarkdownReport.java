package fr.pasdecalais.habitat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;

/** The report in French: each figure's median and spread over the rounds, against its target. */
final class MarkdownReport {

  private final Map<String, Object> r;
  private final StringBuilder md = new StringBuilder();

  MarkdownReport(Map<String, Object> report) {
    this.r = report;
  }

  /** Renders {@code report.md} again from a {@code report.json} (e.g. after a change of this class). */
  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    java.nio.file.Path json = java.nio.file.Path.of(args.length > 0 ? args[0] : "target/benchmark/report.json");
    Map<String, Object> report = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json.toFile(), Map.class);
    java.nio.file.Files.writeString(json.resolveSibling("report.md"), new MarkdownReport(report).render());
  }

  @SuppressWarnings("unchecked")
  String render() {
    Map<String, Object> machine = (Map<String, Object>) r.get("machine");
    md.append("# Banc d'essai — Appels à projets\n\n");
    md.append("Mode ").append(r.get("mode")).append(", ").append(r.get("rounds")).append(" manche(s) entrelacées (C_db, moteur nu, produit) ; ")
        .append("cycles de vie en vol : ").append(r.get("concurrency") == null ? "—" : r.get("concurrency"));
    if (r.get("chosenConcurrency") instanceof Map<?, ?> chosen && !chosen.isEmpty()) {
      md.append(" — retenus : moteur nu ").append(chosen.get("bare")).append(", produit ").append(chosen.get("product"));
    }
    md.append(". Du ").append(r.get("started")).append(" au ").append(r.get("finished")).append(".\n\n")
        .append("Le pilote apprend les tâches créées et les processus terminés par poussée (écouteurs du moteur ajoutés par un greffon ")
        .append("des seules classes du banc, remis après le commit), sans sonder la base ; un sondage de secours après 30 s de silence (au-delà de la minuterie de clôture de 10 s) ")
        .append("est compté à part (« lectures du pilote », objectif ≈ 0), comme les lectures d'un formulaire et les vérifications finales ")
        .append("(processus terminés, versements au centime). Processeur : `/proc` (JVM du nœud, pilote compris ; grappe PostgreSQL ; ")
        .append("machine entière). Débit : le travail fait dans la fenêtre mesurée, ses tâches terminées divisées par les tâches d'un ")
        .append("cycle (19) ; les cycles terminés dans la fenêtre sont donnés en contrôle (des cycles partis ensemble finissent ensemble).\n\n");
    md.append("Machine : ").append(machine.get("cpus")).append(" cœurs (").append(machine.get("cpuModel")).append("), ")
        .append(machine.get("memory")).append(", ").append(machine.get("os")).append(" ; ").append(machine.get("java"))
        .append(" ; ").append(machine.get("postgresql")).append(" (").append(machine.get("postgresqlSettings"))
        .append(", même machine). JVM de chaque bras : `").append(r.get("jvmOptions")).append("`.\n\n");

    List<Object> product = list("product");
    List<Object> bare = list("bare");
    List<Object> cdb = list("cdb");
    md.append("## Résultats\n\n| Mesure | Médiane | Étendue (min – max) | Objectif | Atteint |\n|---|---:|---:|---|---|\n");
    row("Cycles de vie complets par minute — produit", values(product, "lifecyclesPerMinute"), "≥ 300", v -> v >= 300);
    row("Cycles de vie complets par minute — moteur nu", values(bare, "lifecyclesPerMinute"), "", null);
    row("Rapport produit / moteur nu (%)", ratio(product, bare, "lifecyclesPerMinute", 100), "≥ 60 %", v -> v >= 60);
    row("Cycles terminés dans la fenêtre, par minute — produit (contrôle, par cycles entiers)",
        values(product, "lifecyclesEndedPerMinute"), "", null);
    row("Cycles terminés dans la fenêtre, par minute — moteur nu (contrôle)", values(bare, "lifecyclesEndedPerMinute"), "", null);
    row("Cycles en vol retenus — produit", values(product, "concurrency"), "", null);
    row("Cycles en vol retenus — moteur nu", values(bare, "concurrency"), "", null);
    row("Latence d'un cycle seul L (s) — produit", values(product, "unloadedLatencySeconds"), "", null);
    row("Latence d'un cycle seul L (s) — moteur nu", values(bare, "unloadedLatencySeconds"), "", null);
    row("Loi de Little : 2 × débit × L — produit (doit rester ≤ en vol)", values(product, "littleConcurrency"), "", null);
    row("Loi de Little : 2 × débit × L — moteur nu", values(bare, "littleConcurrency"), "", null);
    row("Cœurs utilisés par la JVM (moteur + pilote) — produit", values(product, "cpu.jvmCores"), "", null);
    row("Cœurs utilisés par PostgreSQL — produit", values(product, "cpu.postgresCores"), "", null);
    row("Cœurs occupés, machine entière — produit (sur " + cores() + ")", values(product, "cpu.machineCores"), "", null);
    row("Cœurs utilisés par la JVM (moteur + pilote) — moteur nu", values(bare, "cpu.jvmCores"), "", null);
    row("Cœurs utilisés par PostgreSQL — moteur nu", values(bare, "cpu.postgresCores"), "", null);
    row("Cœurs occupés, machine entière — moteur nu (sur " + cores() + ")", values(bare, "cpu.machineCores"), "", null);
    row("Cœurs JVM + PostgreSQL — moteur nu (saturé : ≥ 90 % des " + cores() + " cœurs)", sum(bare, "cpu.jvmCores",
        "cpu.postgresCores"), "saturé", v -> v >= 0.9 * cores());
    row("Cœurs JVM + PostgreSQL — produit", sum(product, "cpu.jvmCores", "cpu.postgresCores"), "", null);
    row("Lectures de la base par le pilote, par cycle — produit", values(product, "driverReadsPerLifecycle"), "≈ 0", v -> v <= 0.5);
    row("Lectures de la base par le pilote, par cycle — moteur nu", values(bare, "driverReadsPerLifecycle"), "≈ 0", v -> v <= 0.5);
    row("  dont sondages qui ont trouvé une poussée manquée, par cycle — produit", values(product, "missedPushesPerLifecycle"), "0",
        v -> v == 0);
    row("  dont sondages qui ont trouvé une poussée manquée, par cycle — moteur nu", values(bare, "missedPushesPerLifecycle"), "0",
        v -> v == 0);
    row("  lectures de formulaire par cycle — produit", values(product, "formReadsPerLifecycle"), "", null);
    row("  vérifications finales par cycle — produit", values(product, "verificationsPerLifecycle"), "", null);
    row("  vérifications finales par cycle — moteur nu", values(bare, "verificationsPerLifecycle"), "", null);
    row("Commits PostgreSQL par cycle — produit", values(product, "commitsPerLifecycle"), "", null);
    row("Commits PostgreSQL par cycle — moteur nu", values(bare, "commitsPerLifecycle"), "", null);
    row("Requêtes SQL par cycle (pg_stat_statements, hors contrôles de clés étrangères) — produit",
        values(product, "statements.perLifecycle"), "", null);
    row("Requêtes SQL par cycle — moteur nu", values(bare, "statements.perLifecycle"), "", null);
    row("Temps d'exécution des requêtes par cycle (ms) — produit", values(product, "statements.execMsPerLifecycle"), "", null);
    row("Temps d'exécution des requêtes par cycle (ms) — moteur nu", values(bare, "statements.execMsPerLifecycle"), "", null);
    row("Part du processeur de PostgreSQL passée dans l'exécution des requêtes (%) — produit",
        values(product, "statements.execShareOfPostgresCpuPercent"), "", null);
    row("Part du processeur de PostgreSQL passée dans l'exécution des requêtes (%) — moteur nu",
        values(bare, "statements.execShareOfPostgresCpuPercent"), "", null);
    row("Commits par seconde consommés — produit à saturation", values(product, "commitsPerSecond"), "", null);
    row("C_db : pgbench TPC-B 4 clients (tps = commits/s)", values(cdb, "tpcb4Tps"), "", null);
    row("C_db : pgbench TPC-B 8 clients (tps)", values(cdb, "tpcb8Tps"), "", null);
    row("C_db : script « forme moteur » 8 clients (tps)", values(cdb, "engineShape8Tps"), "", null);
    row("Plafond de la base pour le produit (cycles/min = tps forme moteur × 60 / commits par cycle)",
        ceiling(cdb, product), "", null);
    row("Complétion d'une tâche p50 (ms) — produit à mi-charge", values(product, "halfLoad.completionMs.p50"), "", null);
    row("Complétion d'une tâche p95 (ms) — produit à mi-charge", values(product, "halfLoad.completionMs.p95"), "≤ 50 ms", v -> v <= 50);
    row("Complétion d'une tâche p99 (ms) — produit à mi-charge", values(product, "halfLoad.completionMs.p99"), "", null);
    row("Complétion d'une tâche p95 (ms) — moteur nu à mi-charge", values(bare, "halfLoad.completionMs.p95"), "", null);
    row("Complétion d'une tâche p95 (ms) — produit à saturation", values(product, "completionAtSaturationMs.p95"), "", null);
    Object tasklist = r.get("tasklist");
    if (tasklist instanceof Map<?, ?> t && t.get("rounds") instanceof List<?> rounds) {
      List<Object> tr = new ArrayList<>(rounds);
      row("Tasklist « Tâches de mes groupes » p50 (ms) — page de 50 + total + variables, par échéance", values(tr, "ms.total.p50"), "", null);
      row("Tasklist p95 (ms) — idem", values(tr, "ms.total.p95"), "≤ 100 ms", v -> v <= 100);
      row("Tasklist p95 (ms) — page de 50 seule", values(tr, "ms.list.p95"), "", null);
      row("Tasklist p95 (ms) — total (count) seul", values(tr, "ms.count.p95"), "", null);
      row("Tasklist p95 (ms) — variables de la page", values(tr, "ms.variables.p95"), "", null);
      List<Double> noSeq = new ArrayList<>();
      for (Object o : tr) {
        if (get(o, "plans.noSeqScanOnTaskOrVariableTables") instanceof Boolean b) {
          noSeq.add(b ? 1.0 : 0.0);
        }
      }
      row("EXPLAIN ANALYZE sans parcours séquentiel des tables tâches/variables (1 = oui)", noSeq, "1", v -> v == 1);
    }
    row("Minuteries : vidage (tâches/s) — produit", values(list("timersProduct"), "jobsPerSecond"), "≥ 200", v -> v >= 200);
    row("Minuteries : retard p95 (ms) — produit", values(list("timersProduct"), "latenessMs.p95"), "", null);
    row("Minuteries : vidage (tâches/s) — moteur nu", values(list("timersBare"), "jobsPerSecond"), "", null);
    row("Minuteries : cœurs JVM / PostgreSQL pendant le vidage — produit", sum(list("timersProduct"), "cpu.jvmCores",
        "cpu.postgresCores"), "", null);
    row("  dont JVM — produit", values(list("timersProduct"), "cpu.jvmCores"), "", null);
    row("  dont PostgreSQL — produit", values(list("timersProduct"), "cpu.postgresCores"), "", null);
    List<Object> startups = list("startup");
    if (!startups.isEmpty()) {
      row("Démarrage jusqu'à la santé UP (s) — base vide", values(startups.subList(0, 1), "readySeconds"), "≤ 15 s", v -> v <= 15);
      row("Démarrage jusqu'à la santé UP (s) — base existante", values(startups.subList(1, startups.size()), "readySeconds"),
          "≤ 15 s", v -> v <= 15);
      row("Démarrage : temps CPU du processus jusqu'à la santé UP (s)", values(startups, "cpuSecondsAtReady"), "", null);
      row("Mémoire résidente au repos (Mio)", values(startups, "rssIdleMiB"), "≤ 1024", v -> v <= 1024);
    }
    Object soak = r.get("soak");
    if (soak instanceof Map<?, ?>) {
      List<Object> s = List.of(soak);
      row("Mémoire résidente après l'endurance (Mio)", values(s, "rssAfterSoakMiB"), "≤ 1024, stable", v -> v <= 1024);
      if (soak instanceof Map<?, ?> sm && sm.get("rssSamples") instanceof List<?> samples && samples.size() > 2) {
        Object first = get(samples.get(1), "rssMiB");
        Object last = get(samples.get(samples.size() - 1), "rssMiB");
        if (first instanceof Number f && last instanceof Number l) {
          row("Endurance : RSS du dernier échantillon − celui de la 30e s (Mio)", List.of(l.doubleValue() - f.doubleValue()),
              "stable (≤ 64)", v -> v <= 64);
        }
      }
      row("Endurance : cycles terminés", values(s, "soakLifecyclesEnded"), "", null);
      row("Endurance : cycles en échec", values(s, "soakFailures"), "0", v -> v == 0);
    }
    row("Octets de base par cycle terminé — produit", values(product, "bytesPerLifecycle"), "≤ 100 000", v -> v <= 100_000);
    row("Octets de base par cycle terminé — produit, après VACUUM FULL", values(product, "bytesPerLifecycleCompacted"), "≤ 100 000", v -> v <= 100_000);
    row("Octets de base par cycle terminé — moteur nu", values(bare, "bytesPerLifecycle"), "", null);
    row("Octets de base par cycle terminé — moteur nu, après VACUUM FULL", values(bare, "bytesPerLifecycleCompacted"), "", null);
    row("Cycles en échec — produit (par manche ; partis dans la fenêtre ou à mi-charge)", values(product, "failures"), "0", v -> v == 0);
    row("Cycles en échec — moteur nu (par manche ; partis dans la fenêtre ou à mi-charge)", values(bare, "failures"), "0", v -> v == 0);
    row("Cycles partis pendant la rampe et en échec — produit (détail par palier plus bas)",
        values(product, "failuresOfRampLifecycles"), "", null);
    row("Cycles partis pendant la rampe et en échec — moteur nu (détail par palier plus bas)",
        values(bare, "failuresOfRampLifecycles"), "", null);
    row("Incidents — produit", values(product, "incidents"), "0", v -> v == 0);

    if (soak instanceof Map<?, ?> s && s.get("rssSamples") instanceof List<?> samples) {
      md.append("\n## Mémoire pendant l'endurance\n\n| seconde | RSS (Mio) | tas utilisé (Mio) | cycles terminés |\n|---:|---:|---:|---:|\n");
      for (Object o : samples) {
        Map<?, ?> m = (Map<?, ?>) o;
        md.append("| ").append(m.get("second")).append(" | ").append(m.get("rssMiB")).append(" | ").append(m.get("heapUsedMiB"))
            .append(" | ").append(m.get("lifecyclesEnded")).append(" |\n");
      }
      md.append("\nAprès l'endurance : ").append(s.get("rssAfterSoakMiB")).append(" Mio ; échecs : ").append(s.get("soakFailures")).append(".\n");
    }
    capacity(bare, product, cdb);
    if (tasklist instanceof Map<?, ?> t) {
      tasklist(t);
    }
    statements("Produit", product);
    timerStatements();
    statements("Moteur nu", bare);
    failures("Produit", product);
    failures("Moteur nu", bare);
    md.append("\nDonnées brutes : `report.json` ; journaux de chaque nœud : `logs/`.\n");
    return md.toString();
  }

  private int cores() {
    return get(r, "machine.cpus") instanceof Number n ? n.intValue() : 2;
  }

  /** The ramp's curve, Little's law figures and the CPU of every measured window. */
  private void capacity(List<Object> bare, List<Object> product, List<Object> cdb) {
    md.append("\n## Capacité : rampe de la manche 1\n\n")
        .append("Chaque palier : montée de la charge, mise en régime pendant max(L, échauffement), puis fenêtre mesurée ; ")
        .append("la rampe s'arrête quand le débit ne monte plus (< +5 %) sur une machine saturée (≥ 90 % de ses cœurs occupés ; sinon elle continue jusqu'au dernier palier). La fenêtre mesurée se fait au meilleur palier, ")
        .append("ou plus si la loi de Little le demande (en vol ≥ 2 × débit × L). Débit d'un palier : tâches complétées ")
        .append("dans la fenêtre ÷ tâches par cycle (plus stable sur une fenêtre courte que les cycles terminés, donnés à côté).\n\n")
        .append("| bras | en vol | cycles/min (tâches) | cycles terminés/min | cœurs JVM | cœurs PostgreSQL | cœurs machine | iowait (cœurs) | complétion p95 (ms) | échecs (cycles partis à ce palier) |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String arm : List.of("bare", "product")) {
      List<Object> rounds = arm.equals("bare") ? bare : product;
      for (Object round : rounds) {
        if (get(round, "ramp") instanceof List<?> curve) {
          for (Object step : curve) {
            md.append("| ").append(arm.equals("bare") ? "moteur nu" : "produit").append(" | ").append(get(step, "concurrency"))
                .append(" | ").append(num(get(step, "lifecyclesPerMinute"))).append(" | ")
                .append(num(get(step, "lifecyclesEndedPerMinute"))).append(" | ").append(num(get(step, "cpu.jvmCores")))
                .append(" | ").append(num(get(step, "cpu.postgresCores"))).append(" | ").append(num(get(step, "cpu.machineCores")))
                .append(" | ").append(num(get(step, "cpu.machineIowaitCores"))).append(" | ")
                .append(num(get(step, "completionMs.p95"))).append(" | ").append(get(step, "failures")).append(" |\n");
          }
          md.append("\n").append(arm.equals("bare") ? "Moteur nu" : "Produit").append(" : ").append(get(round, "concurrencyChosenBy"))
              .append(".\n\n");
        }
      }
    }
    md.append("\n## Fenêtres mesurées : débit, loi de Little et processeur\n\n")
        .append("| bras | manche | en vol | cycles/min | L seul (s) | N / X sous charge (s) | 2 × X × L | cœurs JVM | cœurs PostgreSQL | ")
        .append("cœurs machine (sur ").append(cores()).append(") | iowait | commits/cycle | lectures pilote/cycle |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String arm : List.of("bare", "product")) {
      int i = 1;
      for (Object round : arm.equals("bare") ? bare : product) {
        md.append("| ").append(arm.equals("bare") ? "moteur nu" : "produit").append(" | ").append(i++).append(" | ")
            .append(get(round, "concurrency")).append(" | ").append(num(get(round, "lifecyclesPerMinute"))).append(" | ")
            .append(num(get(round, "unloadedLatencySeconds"))).append(" | ").append(num(get(round, "loadedLatencySeconds")))
            .append(" | ").append(num(get(round, "littleConcurrency"))).append(" | ").append(num(get(round, "cpu.jvmCores")))
            .append(" | ").append(num(get(round, "cpu.postgresCores"))).append(" | ").append(num(get(round, "cpu.machineCores")))
            .append(" | ").append(num(get(round, "cpu.machineIowaitCores"))).append(" | ")
            .append(num(get(round, "commitsPerLifecycle"))).append(" | ").append(num(get(round, "driverReadsPerLifecycle")))
            .append(" |\n");
      }
    }
    int i = 1;
    for (Object round : cdb) {
      md.append("| C_db (pgbench, 3 scripts) | ").append(i++).append(" | — | — | — | — | — | — | ")
          .append(num(get(round, "cpu.postgresCores"))).append(" | ").append(num(get(round, "cpu.machineCores"))).append(" | ")
          .append(num(get(round, "cpu.machineIowaitCores"))).append(" | — | — |\n");
    }
    md.append("\nCœurs JVM : le nœud entier (moteur ou produit, et le pilote qui tourne dans la même JVM). Cœurs machine : tout ")
        .append("ce que la machine a fait pendant la fenêtre (collègues compris) ; -1 : non mesurable (PostgreSQL distant).\n");
  }

  private static String num(Object v) {
    return v instanceof Number n && !Double.isNaN(n.doubleValue()) ? fmt(n.doubleValue()) : "—";
  }

  private void tasklist(Map<?, ?> t) {
    md.append("\n## Requête Tasklist en volume\n\n");
    if (t.get("error") != null) {
      md.append(t.get("error")).append('\n');
      return;
    }
    Object load = t.get("load");
    if (get(load, "copySeconds") != null) {
      md.append("Échantillon écrit par le moteur (1/").append(get(t, "copies") == null ? "50" : get(t, "copies"))
          .append(", en ").append(get(load, "openSeconds")).append(" + ").append(get(load, "topUpSeconds"))
          .append(" s), puis copié en SQL avec de nouveaux identifiants (").append(get(load, "copySeconds"))
          .append(" s, lignes ajoutées par table : ").append(get(load, "copiedRows")).append(").\n\n");
    }
    md.append("Chargement : tâches ouvertes ").append(get(load, "openTasks")).append(", lignes d'historique ")
        .append(get(load, "historyRows")).append(", groupes candidats ").append(get(load, "candidateGroups"))
        .append(", tâches attribuées ").append(get(load, "assignedTasks")).append(", en ").append(get(load, "seconds"))
        .append(" s.\n\n| manche | partie | p50 | p95 | p99 | plan : exécution (ms) | parcours séquentiels | index utilisés |\n|---|---|---:|---:|---:|---:|---|---|\n");
    int i = 1;
    for (Object round : (List<?>) t.get("rounds")) {
      for (String part : List.of("list", "count", "variables")) {
        md.append("| ").append(i).append(" | ").append(part).append(" | ").append(get(round, "ms." + part + ".p50"))
            .append(" | ").append(get(round, "ms." + part + ".p95")).append(" | ").append(get(round, "ms." + part + ".p99"))
            .append(" | ").append(get(round, "plans." + part + ".executionMs")).append(" | ")
            .append(get(round, "plans." + part + ".seqScans")).append(" | ").append(get(round, "plans." + part + ".indexesUsed"))
            .append(" |\n");
      }
      i++;
    }
  }

  private void statements(String arm, List<Object> rounds) {
    Map<?, ?> median = medianRound(rounds);
    if (median == null || !(median.get("topStatements") instanceof List<?> top)) {
      return;
    }
    md.append("\n## Où va le temps — ").append(arm).append(" (pg_stat_statements, manche médiane, fenêtre mesurée)\n\n")
        .append("| appels | total (ms) | moyenne (ms) | requête |\n|---:|---:|---:|---|\n");
    for (Object o : top) {
      Map<?, ?> m = (Map<?, ?>) o;
      md.append("| ").append(m.get("calls")).append(" | ").append(m.get("totalMs")).append(" | ").append(m.get("meanMs"))
          .append(" | `").append(String.valueOf(m.get("query")).replace("|", "\\|")).append("` |\n");
    }
  }

  private void timerStatements() {
    List<Object> timers = list("timersProduct");
    if (timers.isEmpty() || !(get(timers.get(0), "topStatements") instanceof List<?> top)) {
      return;
    }
    md.append("\n## Où va le temps — vidage des minuteries du produit (pg_stat_statements, manche 1)\n\n")
        .append("| appels | total (ms) | moyenne (ms) | requête |\n|---:|---:|---:|---|\n");
    for (Object o : top) {
      Map<?, ?> m = (Map<?, ?>) o;
      md.append("| ").append(m.get("calls")).append(" | ").append(m.get("totalMs")).append(" | ").append(m.get("meanMs"))
          .append(" | `").append(String.valueOf(m.get("query")).replace("|", "\\|")).append("` |\n");
    }
  }

  private void failures(String arm, List<Object> rounds) {
    for (Object o : rounds) {
      if (o instanceof Map<?, ?> m && m.get("failureSamples") instanceof List<?> f && !f.isEmpty()) {
        md.append("\n").append(arm).append(", exemples d'échecs : ").append(f).append('\n');
      }
      if (o instanceof Map<?, ?> m && m.get("error") != null) {
        md.append("\n").append(arm).append(" : ").append(m.get("error")).append('\n');
      }
    }
  }

  private Map<?, ?> medianRound(List<Object> rounds) {
    List<Double> v = values(rounds, "lifecyclesPerMinute");
    if (v.isEmpty()) {
      return null;
    }
    double med = median(v);
    for (Object o : rounds) {
      Object x = get(o, "lifecyclesPerMinute");
      if (x instanceof Number n && Math.abs(n.doubleValue() - med) < 1e-9) {
        return (Map<?, ?>) o;
      }
    }
    return (Map<?, ?>) rounds.get(0);
  }

  private void row(String label, List<Double> values, String target, DoublePredicate met) {
    md.append("| ").append(label).append(" | ");
    if (values.isEmpty()) {
      md.append("— | — | ").append(target).append(" | — |\n");
      return;
    }
    double med = median(values);
    md.append(fmt(med)).append(" | ").append(fmt(values.stream().mapToDouble(d -> d).min().orElse(0))).append(" – ")
        .append(fmt(values.stream().mapToDouble(d -> d).max().orElse(0))).append(" | ").append(target).append(" | ")
        .append(met == null ? "" : met.test(med) ? "oui" : "**non**").append(" |\n");
  }

  private List<Double> sum(List<Object> rounds, String a, String b) {
    List<Double> out = new ArrayList<>();
    for (Object o : rounds) {
      if (get(o, a) instanceof Number x && get(o, b) instanceof Number y && x.doubleValue() >= 0 && y.doubleValue() >= 0) {
        out.add(x.doubleValue() + y.doubleValue());
      }
    }
    return out;
  }

  private List<Double> ratio(List<Object> a, List<Object> b, String key, double factor) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      Object x = get(a.get(i), key);
      Object y = get(b.get(i), key);
      if (x instanceof Number n && y instanceof Number d && d.doubleValue() > 0) {
        out.add(n.doubleValue() / d.doubleValue() * factor);
      }
    }
    return out;
  }

  private List<Double> ceiling(List<Object> cdb, List<Object> product) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < Math.min(cdb.size(), product.size()); i++) {
      Object tps = get(cdb.get(i), "engineShape8Tps");
      Object commits = get(product.get(i), "commitsPerLifecycle");
      if (tps instanceof Number t && commits instanceof Number c && c.doubleValue() > 0) {
        out.add(t.doubleValue() * 60 / c.doubleValue());
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(String key) {
    Object v = r.get(key);
    return v instanceof List<?> l ? (List<Object>) l : List.of();
  }

  static List<Double> values(List<Object> rounds, String path) {
    List<Double> out = new ArrayList<>();
    for (Object o : rounds) {
      Object v = get(o, path);
      if (v instanceof Number n && !Double.isNaN(n.doubleValue())) {
        out.add(n.doubleValue());
      }
    }
    return out;
  }

  static Object get(Object o, String path) {
    for (String key : path.split("\\.")) {
      if (!(o instanceof Map<?, ?> m)) {
        return null;
      }
      o = m.get(key);
    }
    return o;
  }

  static double median(List<Double> values) {
    List<Double> s = new ArrayList<>(values);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static String fmt(double v) {
    if (Math.abs(v) >= 1000) {
      return String.format(Locale.FRANCE, "%,.0f", v);
    }
    return String.format(Locale.FRANCE, "%.1f", v);
  }
}
