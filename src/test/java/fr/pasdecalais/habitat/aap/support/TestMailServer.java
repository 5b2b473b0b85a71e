package fr.pasdecalais.habitat.aap.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real SMTP server in the test JVM (GreenMail), on the port that {@code application-test.yaml}
 * gives to Spring Mail ({@code localhost:3025}). A plain {@code @Configuration} found by component
 * scanning, so every test context (H2 and PostgreSQL) has it without forking: it is started once
 * per JVM, before the engine can send anything, and stopped with the context.
 */
@Configuration(proxyBeanMethods = false)
public class TestMailServer {

  public static final int PORT = 3025;
  private static GreenMail greenMail;

  /** The running server (started on first use). */
  public static synchronized GreenMail greenMail() {
    if (greenMail == null) {
      greenMail = new GreenMail(new ServerSetup(PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
    }
    return greenMail;
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
