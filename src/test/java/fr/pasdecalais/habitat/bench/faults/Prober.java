package fr.pasdecalais.habitat.bench.faults;

import java.util.LinkedHashMap;
import java.util.Map;

/** A cheap {@code /api} read every 200 ms on one node: the longest run of failed (5xx, unreachable) answers. */
final class Prober {

  private final Api api;
  private final Node node;
  private final Thread thread;
  private volatile boolean stop;
  private long probes;
  private long failures;
  private long runStart = -1;
  private double longest;
  private long okAfterLastFailure;

  Prober(Api api, Node node) {
    this.api = api;
    this.node = node;
    this.thread = new Thread(this::loop, "prober-" + node.name);
  }

  void start() {
    thread.start();
  }

  private void loop() {
    while (!stop) {
      long t = System.currentTimeMillis();
      boolean ok;
      try {
        ok = api.send(node, HttpLifecycle.AGENT, "GET", "/api/territories/LENS_HENIN", null).ok();
      } catch (Api.Down e) {
        ok = false;
      } catch (InterruptedException e) {
        return;
      }
      probes++;
      if (ok) {
        if (runStart >= 0) {
          longest = Math.max(longest, (t - runStart) / 1000.0);
          runStart = -1;
        }
        okAfterLastFailure++;
      } else {
        failures++;
        okAfterLastFailure = 0;
        if (runStart < 0) {
          runStart = t;
        }
      }
      try {
        Thread.sleep(Math.max(0, 200 - (System.currentTimeMillis() - t)));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  Map<String, Object> stop() throws InterruptedException {
    stop = true;
    thread.join();
    if (runStart >= 0) {
      longest = Math.max(longest, (System.currentTimeMillis() - runStart) / 1000.0);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("probes", probes);
    m.put("failures", failures);
    m.put("longestFailureSeconds", FaultsRunner.round(longest));
    m.put("okAfterLastFailure", okAfterLastFailure);
    return m;
  }
}
