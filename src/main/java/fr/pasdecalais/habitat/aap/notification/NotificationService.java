package fr.pasdecalais.habitat.aap.notification;

import fr.pasdecalais.habitat.aap.notification.process.SendNotification;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores notifications and sends them by e-mail. Storing happens in the caller's transaction (the
 * business step that decides to notify); sending happens later, in an engine job of its own
 * ({@link SendNotification}), so that a failed send is retried by the engine while the
 * stored notification stays. Without a mail server ({@code spring.mail.host} unset, the default
 * profile) the e-mail is written to the log and the notification marked {@link NotificationStatus#LOGGED}.
 */
@Service
public class NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

  private final NotificationRepository repository;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final TransactionTemplate separateTransaction;
  private final String from;
  private final String messageIdDomain;

  public NotificationService(NotificationRepository repository, ObjectProvider<JavaMailSender> mailSender,
      PlatformTransactionManager transactionManager, @Value("${aap.mail.from}") String from,
      @Value("${aap.mail.message-id-domain:appels-a-projets.pasdecalais.fr}") String messageIdDomain) {
    this.repository = repository;
    this.mailSender = mailSender;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.from = from;
    this.messageIdDomain = messageIdDomain;
  }

  /** Stores a notification to send; returns its id (for the {@code notificationId} process variable). */
  @Transactional
  public Notification store(NotificationKind kind, String recipient, String subject, String body,
      String applicationReference) {
    return repository.save(new Notification(kind, recipient, subject, body, applicationReference,
        EngineClock.now()));
  }

  /**
   * Sends a stored notification by e-mail (or logs it without a mail server). At least once to the SMTP
   * server, duplicates recognisable: a notification already sent or logged is not sent again; otherwise
   * the attempt is first recorded and committed in a transaction of its own (status {@code SENDING},
   * attempts + 1), then the e-mail is handed to the SMTP server with the stable Message-ID
   * {@link #messageId(long)}, then status {@code SENT} is written in the caller's transaction (the
   * engine job's). A crash or a failure between the send and that commit rolls the job back: the
   * engine retries it and the e-mail goes again, with the same Message-ID, so receivers (and the
   * harness) recognise the duplicate. A failed send is recorded in a separate transaction (last error)
   * and rethrown, so that the engine retries the job. See docs/architecture.md, "Faults and how each is
   * handled".
   */
  @Transactional
  public Notification send(long notificationId) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      Notification n = find(notificationId);
      if (n.getStatus() == NotificationStatus.SENT || n.getStatus() == NotificationStatus.LOGGED) {
        return n;
      }
      LOG.info("Pas de serveur de courriel configuré : notification {} journalisée.\nÀ : {}\nObjet : {}\n\n{}",
          n.getId(), n.getRecipient(), n.getSubject(), n.getBody());
      n.markLogged(EngineClock.now());
      return n;
    }
    // before this transaction reads the row: the attempt is committed on its own (and the row read below
    // carries its version), so that a crash after the send leaves SENDING and the count of attempts
    boolean alreadyDone = Boolean.TRUE.equals(separateTransaction.execute(s -> repository.findById(notificationId)
        .map(attempt -> {
          if (attempt.getStatus() == NotificationStatus.SENT || attempt.getStatus() == NotificationStatus.LOGGED) {
            return true;
          }
          attempt.markSending();
          return false;
        }).orElse(false)));
    Notification n = find(notificationId);
    if (alreadyDone || n.getStatus() == NotificationStatus.SENT || n.getStatus() == NotificationStatus.LOGGED) {
      return n;
    }
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(n.getRecipient());
      helper.setSubject(n.getSubject());
      helper.setText(n.getBody(), false);
      // kept by JavaMailSenderImpl (it restores an explicit Message-ID after saveChanges)
      message.setHeader("Message-ID", messageId(notificationId));
      sender.send(message);
    } catch (MailException | jakarta.mail.MessagingException e) {
      LOG.warn("Échec de l'envoi de la notification {} à {} : {}", n.getId(), n.getRecipient(), e.getMessage());
      separateTransaction.executeWithoutResult(s -> repository.findById(notificationId)
          .ifPresent(failed -> failed.markFailed(e.getMessage())));
      throw new NotificationNotSentException("L'envoi du courriel " + notificationId + " à " + n.getRecipient()
          + " a échoué : " + e.getMessage(), e);
    }
    n.markSent(EngineClock.now());
    return n;
  }

  /**
   * The Message-ID of a notification's e-mail, the same at every attempt, e.g.
   * {@code <notification-42@appels-a-projets.pasdecalais.fr>} (domain: {@code aap.mail.message-id-domain}).
   */
  public String messageId(long notificationId) {
    return "<notification-" + notificationId + "@" + messageIdDomain + ">";
  }

  private Notification find(long notificationId) {
    return repository.findById(notificationId)
        .orElseThrow(() -> new IllegalStateException("Notification " + notificationId + " introuvable"));
  }

  /** A failed send: the engine job fails and is retried. */
  public static class NotificationNotSentException extends RuntimeException {
    public NotificationNotSentException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
