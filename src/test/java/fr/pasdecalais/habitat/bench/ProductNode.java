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
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

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
    ConfigurableApplicationContext context = new SpringApplicationBuilder(AppelsAProjetsApplication.class)
        .profiles("postgres").environment(environment(props)).run();
    return new ProductNode(context, port, smtp);
  }

  /**
   * The properties first of all sources (builder.properties(...) would only be defaults, below the
   * profile's {@code ${SPRING_DATASOURCE_URL:jdbc:postgresql://localhost:5432/...}}), and already
   * there when logging and the banner are set up.
   */
  private static StandardServletEnvironment environment(Map<String, Object> props) {
    StandardServletEnvironment env = new StandardServletEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("bench", props));
    return env;
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
