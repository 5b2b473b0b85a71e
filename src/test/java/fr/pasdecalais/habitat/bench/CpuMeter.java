package fr.pasdecalais.habitat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU used over a window, from {@code /proc} (Linux): this JVM ({@code /proc/self/stat}, driver and
 * engine together since both run in-process), the benchmark's PostgreSQL cluster (its postmaster,
 * found from {@code $BENCH_PG_DIR/postmaster.pid}, with its live children, plus the postmaster's
 * {@code cutime+cstime}: the backends that exited during the window are counted when reaped), and the
 * whole machine from {@code /proc/stat} (busy and iowait, every process of every user). Cores used =
 * CPU seconds / window seconds.
 */
final class CpuMeter {

  /** USER_HZ: 100 on every Linux this runs on ({@code getconf CLK_TCK}). */
  static final double HZ = 100.0;

  record Sample(long nanos, long jvm, long postgres, long machineBusy, long machineIowait, long machineTotal) {}

  private CpuMeter() {}

  static Sample sample() {
    long[] m = machine();
    return new Sample(System.nanoTime(), ticks("self", false), postgres(), m[0], m[1], m[2]);
  }

  /** Cores used between two samples; -1 where not measurable (not Linux, remote PostgreSQL). */
  static Map<String, Object> between(Sample a, Sample b) {
    double seconds = (b.nanos - a.nanos) / 1e9;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("seconds", Stats.round(seconds));
    out.put("jvmCores", cores(a.jvm, b.jvm, seconds));
    out.put("postgresCores", cores(a.postgres, b.postgres, seconds));
    out.put("machineCores", cores(a.machineBusy, b.machineBusy, seconds));
    out.put("machineIowaitCores", cores(a.machineIowait, b.machineIowait, seconds));
    out.put("machineOfCores", Runtime.getRuntime().availableProcessors());
    long total = b.machineTotal - a.machineTotal;
    out.put("machineBusyPercent", total <= 0 ? -1 : Stats.round(100.0 * (b.machineBusy - a.machineBusy) / total));
    return out;
  }

  private static double cores(long t0, long t1, double seconds) {
    return t0 < 0 || t1 < 0 || seconds <= 0 ? -1 : Stats.round((t1 - t0) / HZ / seconds);
  }

  /** utime+stime (and, with {@code children}, cutime+cstime) of a process, in ticks; -1 when unreadable. */
  static long ticks(String pid, boolean children) {
    try {
      String stat = Files.readString(Path.of("/proc", pid, "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
      long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return children ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static String ppid(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1];
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** The cluster's postmaster and its children, ticks; -1 when the cluster is not local. */
  static long postgres() {
    String dir = System.getenv("BENCH_PG_DATA"); // exported by bench/pg-cluster.sh (the cluster's data directory)
    if (dir == null || dir.isBlank()) {
      dir = System.getenv("BENCH_PG_DIR");
    }
    if (dir == null || dir.isBlank()) {
      return -1;
    }
    String postmaster;
    try {
      Path pidFile = Path.of(dir).resolve("postmaster.pid");
      if (!Files.exists(pidFile)) {
        pidFile = Path.of(dir, "data", "postmaster.pid");
      }
      postmaster = Files.readAllLines(pidFile).get(0).trim();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    long sum = ticks(postmaster, true);
    if (sum < 0) {
      return -1;
    }
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (!name.isEmpty() && Character.isDigit(name.charAt(0)) && postmaster.equals(ppid(p))) {
          long t = ticks(name, false);
          if (t > 0) {
            sum += t;
          }
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return sum;
  }

  /** busy, iowait, total ticks of all CPUs ({@code /proc/stat}'s first line). */
  private static long[] machine() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long user = Long.parseLong(f[1]);
      long nice = Long.parseLong(f[2]);
      long system = Long.parseLong(f[3]);
      long idle = Long.parseLong(f[4]);
      long iowait = Long.parseLong(f[5]);
      long irq = Long.parseLong(f[6]);
      long softirq = Long.parseLong(f[7]);
      long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
      long busy = user + nice + system + irq + softirq + steal;
      return new long[] {busy, iowait, busy + idle + iowait};
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1, -1};
    }
  }
}
