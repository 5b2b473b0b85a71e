package fr.pasdecalais.habitat.bench.faults;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/** The SMTP server of the nodes, in the harness's JVM: it survives the nodes' kills and counts what it receives. */
final class Mailbox implements AutoCloseable {

  record Received(String messageId, String recipient, String subject) {}

  private final GreenMail smtp;
  final int port;

  Mailbox() {
    port = Node.freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  List<Received> received() {
    List<Received> out = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      try {
        Address[] to = m.getAllRecipients();
        out.add(new Received(m.getMessageID(), to == null || to.length == 0 ? "?" : to[0].toString(), m.getSubject()));
      } catch (MessagingException e) {
        out.add(new Received("?", "?", "illisible : " + e.getMessage()));
      }
    }
    return out;
  }

  void reset() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
  }

  @Override
  public void close() {
    smtp.stop();
  }
}
