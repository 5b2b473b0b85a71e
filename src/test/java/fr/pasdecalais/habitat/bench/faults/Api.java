package fr.pasdecalais.habitat.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The users' door: HTTP basic on {@code /api} and {@code /engine-rest}, spread over the live nodes
 * (no balancer: the driver picks them in turn). A request that cannot reach a node (down, killed,
 * refused) is a {@link Down}; the caller decides whether to retry (reads) or to look again at
 * what the database says (actions).
 */
final class Api {

  static final String PASSWORD = "Banc-Essai-Perf-2026!";
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  final List<Node> nodes = new CopyOnWriteArrayList<>();
  private final AtomicInteger turn = new AtomicInteger();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong unreachable = new AtomicLong();
  final AtomicLong serverErrors = new AtomicLong();
  final AtomicLong conflicts = new AtomicLong();

  record Resp(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("réponse illisible : " + body, e);
      }
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** The node is unreachable or answered 5xx: nothing is known of the effect. */
  static final class Down extends Exception {
    Down(String message) {
      super(message, null, false, false);
    }
  }

  Node pick() throws Down {
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
      if (n.up) {
        return n;
      }
    }
    throw new Down("aucun nœud disponible");
  }

  Resp send(String user, String method, String path, String body) throws Down, InterruptedException {
    return send(pick(), user, method, path, body);
  }

  Resp send(Node node, String user, String method, String path, String body) throws Down, InterruptedException {
    requests.incrementAndGet();
    String password = user.equals(Node.ADMIN) ? Node.ADMIN_PASSWORD : PASSWORD;
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.base() + path)).timeout(Duration.ofSeconds(90))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 500) {
        serverErrors.incrementAndGet();
        throw new Down(node.name + " " + method + " " + path + " → " + r.statusCode() + " " + abbreviate(r.body()));
      }
      if (r.statusCode() == 409) {
        conflicts.incrementAndGet();
      }
      return new Resp(r.statusCode(), r.body());
    } catch (IOException e) {
      unreachable.incrementAndGet();
      throw new Down(node.name + " injoignable : " + e);
    }
  }

  /** A read, retried until a node answers (at most {@code minutes}). */
  Resp read(String user, String path) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
    while (true) {
      try {
        return send(user, "GET", path, null);
      } catch (Down e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("lecture impossible pendant 15 min : " + e.getMessage());
        }
        Thread.sleep(500);
      }
    }
  }

  static String abbreviate(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
