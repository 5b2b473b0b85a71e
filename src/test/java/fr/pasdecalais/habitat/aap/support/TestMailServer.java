package fr.pasdecalais.habitat.aap.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server in the test JVM (GreenMail), on a free port chosen at start (several builds may
 * run side by side on one machine). {@code application-test.yaml} sets {@code spring.mail.host:
 * localhost}, so Spring Boot builds its real {@link JavaMailSenderImpl}; this configuration points
 * that sender at the server's port. A plain {@code @Configuration} found by component scanning, so
 * every test context (H2 and PostgreSQL) has it without forking; started once per JVM.
 */
@Configuration(proxyBeanMethods = false)
public class TestMailServer {

  private static GreenMail greenMail;
  private static int port;

  /** The running server (started on first use). */
  public static synchronized GreenMail greenMail() {
    if (greenMail == null) {
      if (port == 0) {
        port = freePort();
      }
      greenMail = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
    }
    return greenMail;
  }

  public static synchronized int port() {
    greenMail();
    return port;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The e-mails received so far for one address (tests use unique addresses). */
  public static List<MimeMessage> messagesTo(String recipient) {
    return Arrays.stream(greenMail().getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(recipient));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** Points Spring Boot's mail sender at the test server. */
  @Bean
  static BeanPostProcessor testSmtpPort() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JavaMailSenderImpl sender) {
          sender.setPort(port());
        }
        return bean;
      }
    };
  }

  @Bean
  GreenMailHandle testSmtpServer() {
    return new GreenMailHandle(greenMail());
  }

  /** Stops the server when the context closes. */
  public record GreenMailHandle(GreenMail server) implements AutoCloseable {
    @Override
    public void close() {
      synchronized (TestMailServer.class) {
        server.stop();
        greenMail = null;
      }
    }
  }
}
