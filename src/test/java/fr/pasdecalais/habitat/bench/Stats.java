package fr.pasdecalais.habitat.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percentiles (nearest rank) and the median/spread of repeated rounds. */
public final class Stats {

  private Stats() {}

  public static double percentile(Collection<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  public static Map<String, Object> latency(Collection<Double> ms) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", ms.size());
    m.put("p50", round(percentile(ms, 50)));
    m.put("p95", round(percentile(ms, 95)));
    m.put("p99", round(percentile(ms, 99)));
    m.put("max", round(percentile(ms, 100)));
    m.put("mean", round(ms.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
    return m;
  }

  public static double round(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 100.0) / 100.0;
  }
}
