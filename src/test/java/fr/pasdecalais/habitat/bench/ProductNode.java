package fr.pasdecalais.habitat.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.pasdecalais.habitat.aap.AppelsAProjetsApplication;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The product as it runs in production: the Spring Boot application with its {@code postgres}
 * profile (web server, REST, webapps, job executor, no demo data) on one benchmark database, and
 * a local SMTP server (GreenMail) so that notifications are really sent.
 */
public final class ProductNode implements AutoCloseable {

  public static final String ADMIN = "bench-admin";
  public static final String ADMIN_PASSWORD = "Banc-Essai-Perf-2026!";

  public final ConfigurableApplicationContext context;
  public final int port;
  private final GreenMail smtp;

  private ProductNode(ConfigurableApplicationContext context, int port, GreenMail smtp) {
    this.context = context;
    this.port = port;
    this.smtp = smtp;
  }

  /** Starts the product on the database; {@code extra} overrides any property (job executor, pool…). */
  public static ProductNode start(BenchDatabase db, Map<String, Object> extra) {
    return start(db, extra, false);
  }

  /**
   * As {@link #start(BenchDatabase, Map)}; with {@code push}, the driver's push channel ({@link TaskPush},
   * an engine plugin of the benchmark classes) is added as an extra bean source: the product's code is unchanged.
   */
  public static ProductNode start(BenchDatabase db, Map<String, Object> extra, boolean push) {
    TimeZone.setDefault(TimeZone.getTimeZone(AppelsAProjetsApplication.TIME_ZONE));
    GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    int port = freePort();
    Map<String, Object> props = new HashMap<>();
    props.put("spring.datasource.url", db.url());
    props.put("spring.datasource.username", db.user);
    props.put("spring.datasource.password", db.password);
    props.put("aap.admin.user", ADMIN);
    props.put("aap.admin.password", ADMIN_PASSWORD);
    props.put("server.port", port);
    props.put("spring.mail.host", "127.0.0.1");
    props.put("spring.mail.port", smtp.getSmtp().getPort());
    props.put("logging.level.root", "warn");
    props.put("logging.level.fr.pasdecalais", "warn");
    props.put("spring.main.banner-mode", "off");
    props.putAll(extra);
    // as command-line arguments: above the profile's own settings, as a deployment's environment would be
    String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    Class<?>[] sources = push ? new Class<?>[] {AppelsAProjetsApplication.class, TaskPush.Config.class}
        : new Class<?>[] {AppelsAProjetsApplication.class};
    ConfigurableApplicationContext context = new SpringApplicationBuilder(sources).profiles("postgres").run(args);
    return new ProductNode(context, port, smtp);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public int mailsReceived() {
    return smtp.getReceivedMessages().length;
  }

  @Override
  public void close() {
    context.close();
    smtp.stop();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
