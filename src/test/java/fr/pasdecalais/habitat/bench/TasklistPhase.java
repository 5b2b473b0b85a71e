package fr.pasdecalais.habitat.bench;

import java.util.Map;

/** Placeholder replaced by the Tasklist phase (being written on branch bench-tasklist). */
final class TasklistPhase {

  static final String P50_KEY = "p50";
  static final String P95_KEY = "p95";
  static final String SEQ_SCANS_KEY = "seqScans";

  private TasklistPhase() {}

  static Map<String, Object> load(ProductNode node, int openTasks, long historyRowsTarget) {
    throw new UnsupportedOperationException("phase Tasklist absente de cette version");
  }

  static Map<String, Object> measure(ProductNode node, int repetitions) {
    throw new UnsupportedOperationException("phase Tasklist absente de cette version");
  }

  static String describe(Map<?, ?> result) {
    return String.valueOf(result);
  }
}
