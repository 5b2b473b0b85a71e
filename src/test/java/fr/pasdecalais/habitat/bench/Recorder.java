package fr.pasdecalais.habitat.bench;

import java.util.ArrayList;
import java.util.List;

/** What a load phase records, time-stamped: task completions (with latency) and lifecycles ended or failed. */
public final class Recorder {

  private final List<long[]> completions = new ArrayList<>();
  private final List<Long> ends = new ArrayList<>();
  private final List<Long> failureTimes = new ArrayList<>();
  /** When each failed lifecycle had started (System.nanoTime): a failure belongs to the load it started under. */
  private final List<Long> failureStarts = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  public synchronized void completion(long nanos) {
    completions.add(new long[] {System.nanoTime(), nanos});
  }

  public synchronized void ended() {
    ends.add(System.nanoTime());
  }

  /** A lifecycle started at {@code startedNanos} (System.nanoTime) failed now. */
  public synchronized void failed(Throwable e, long startedNanos) {
    failureTimes.add(System.nanoTime());
    failureStarts.add(startedNanos);
    if (failures.size() < 10) {
      failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Lifecycles ended in [from, to) (System.nanoTime). */
  public synchronized long endedBetween(long from, long to) {
    return ends.stream().filter(t -> t >= from && t < to).count();
  }

  public synchronized long endedCount() {
    return ends.size();
  }

  public synchronized long failedCount() {
    return failureTimes.size();
  }

  /** Failed lifecycles that had started in [from, to) (System.nanoTime), whenever they failed. */
  public synchronized long failedStartedBetween(long from, long to) {
    return failureStarts.stream().filter(t -> t >= from && t < to).count();
  }

  public synchronized long tasks() {
    return completions.size();
  }

  /** Completion latencies (ms) of the completions made in [from, to). */
  public synchronized List<Double> latenciesMs(long from, long to) {
    List<Double> out = new ArrayList<>();
    for (long[] c : completions) {
      if (c[0] >= from && c[0] < to) {
        out.add(c[1] / 1e6);
      }
    }
    return out;
  }

  public synchronized List<String> failures() {
    return new ArrayList<>(failures);
  }
}
