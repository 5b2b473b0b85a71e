package fr.pasdecalais.habitat.aap.notification;

import fr.pasdecalais.habitat.aap.notification.process.SendNotification;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

  public NotificationService(NotificationRepository repository, ObjectProvider<JavaMailSender> mailSender,
      PlatformTransactionManager transactionManager, @Value("${aap.mail.from}") String from) {
    this.repository = repository;
    this.mailSender = mailSender;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.from = from;
  }

  /** Stores a notification to send; returns its id (for the {@code notificationId} process variable). */
  @Transactional
  public Notification store(NotificationKind kind, String recipient, String subject, String body,
      String applicationReference) {
    return repository.save(new Notification(kind, recipient, subject, body, applicationReference,
        EngineClock.now()));
  }

  /**
   * Sends a stored notification by e-mail (or logs it without a mail server). Idempotent: a
   * notification already sent or logged is not sent again. A failure is recorded in a separate
   * transaction (attempts, last error) and rethrown, so that the engine retries the job.
   */
  @Transactional
  public Notification send(long notificationId) {
    Notification n = repository.findById(notificationId)
        .orElseThrow(() -> new IllegalStateException("Notification " + notificationId + " introuvable"));
    if (n.getStatus() == NotificationStatus.SENT || n.getStatus() == NotificationStatus.LOGGED) {
      return n;
    }
    JavaMailSender sender = mailSender.getIfAvailable();
    Instant now = EngineClock.now();
    if (sender == null) {
      LOG.info("Pas de serveur de courriel configuré : notification {} journalisée.\nÀ : {}\nObjet : {}\n\n{}",
          n.getId(), n.getRecipient(), n.getSubject(), n.getBody());
      n.markSent(NotificationStatus.LOGGED, now);
      return n;
    }
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(n.getRecipient());
      helper.setSubject(n.getSubject());
      helper.setText(n.getBody(), false);
      sender.send(message);
    } catch (MailException | jakarta.mail.MessagingException e) {
      LOG.warn("Échec de l'envoi de la notification {} à {} : {}", n.getId(), n.getRecipient(), e.getMessage());
      separateTransaction.executeWithoutResult(s -> repository.findById(notificationId)
          .ifPresent(failed -> failed.markFailed(e.getMessage())));
      throw new NotificationNotSentException("L'envoi du courriel " + notificationId + " à " + n.getRecipient()
          + " a échoué : " + e.getMessage(), e);
    }
    n.markSent(NotificationStatus.SENT, now);
    return n;
  }

  /** A failed send: the engine job fails and is retried. */
  public static class NotificationNotSentException extends RuntimeException {
    public NotificationNotSentException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
