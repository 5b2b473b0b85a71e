package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.DecidingBody;
import fr.pasdecalais.habitat.aap.shared.FrenchFormat;
import fr.pasdecalais.habitat.aap.notification.Notification;
import fr.pasdecalais.habitat.aap.notification.NotificationKind;
import fr.pasdecalais.habitat.aap.notification.NotificationService;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The French e-mails sent to applicants about their dossier; stored through {@link NotificationService}.
 * Signed by the call's funder: the Département's service, or for a State-funded call the State's
 * service "pour le Préfet".
 */
@Component
public class ApplicationNotifications {

  private static final String DEPARTEMENT_SIGNATURE = "Le service Politiques du logement (SPSLH)\nDépartement du Pas-de-Calais";
  private static final String AUTOMATIC = "\n\nCe courriel est envoyé automatiquement ; pour toute question, répondez en "
      + "rappelant la référence du dossier.";

  private final NotificationService notifications;
  private final CallCatalog calls;

  public ApplicationNotifications(NotificationService notifications, CallCatalog calls) {
    this.notifications = notifications;
    this.calls = calls;
  }

  public Notification late(Application a, String callTitle, Instant closesAt) {
    return store(a, NotificationKind.RECEIPT_LATE, "Dossier " + a.getReference() + " : candidature irrecevable (hors délai)",
        "Votre candidature à l'appel « " + callTitle + " » a été reçue le " + FrenchFormat.dateTime(a.getReceivedAt())
            + ", après la date limite de dépôt fixée au " + FrenchFormat.dateTime(closesAt) + ".\n\n"
            + "Elle est donc irrecevable et ne sera pas instruite.");
  }

  public Notification regularization(Application a, String callTitle, List<String> pieces, String reason,
      String comment, Instant deadline) {
    StringBuilder body = new StringBuilder("L'examen de votre candidature à l'appel « ").append(callTitle)
        .append(" » montre que votre dossier est incomplet (").append(reason).append(").\n\nPièces à transmettre :\n");
    pieces.forEach(p -> body.append("  - ").append(p).append('\n'));
    if (comment != null && !comment.isBlank()) {
      body.append("\nPrécisions de l'instructeur : ").append(comment).append('\n');
    }
    body.append("\nVous pouvez régulariser votre dossier jusqu'au ").append(FrenchFormat.dateTime(deadline))
        .append(", date limite de l'appel. Tout dossier incomplet à cette date sera rejeté.");
    return store(a, NotificationKind.REGULARIZATION_REQUEST, "Dossier " + a.getReference() + " : pièces à régulariser",
        body.toString());
  }

  public Notification rejectedIncomplete(Application a, String callTitle) {
    return store(a, NotificationKind.REJECTED_INCOMPLETE, "Dossier " + a.getReference() + " : rejeté (dossier incomplet)",
        "La date limite de l'appel « " + callTitle + " » est passée sans que votre dossier soit complet.\n\n"
            + "Conformément au cahier des charges, tout dossier incomplet est rejeté : votre candidature ne sera pas examinée par le jury.");
  }

  public Notification ineligible(Application a, String callTitle, String reason) {
    return store(a, NotificationKind.REJECTED_INELIGIBLE, "Dossier " + a.getReference() + " : candidature inéligible",
        "Votre candidature à l'appel « " + callTitle + " » n'est pas éligible.\n\nMotif : " + reason);
  }

  public Notification refused(Application a, String callTitle, String label) {
    return store(a, NotificationKind.DECISION_REFUSED, "Dossier " + a.getReference() + " : décision de l'appel à projets",
        "Après avis du jury et " + decisionOf(a) + ", votre candidature à l'appel « " + callTitle
            + " » n'a pas été retenue.\n\nMotif : " + (label == null || label.isBlank() ? "non précisé" : label));
  }

  public Notification granted(Application a, String callTitle, String label) {
    StringBuilder body = new StringBuilder("Nous avons le plaisir de vous informer que votre candidature à l'appel « ")
        .append(callTitle).append(" » a été retenue.\n\n").append("Décision : ").append(label);
    if (a.getRequestedAmount() != null) {
      body.append("\nMontant demandé : ").append(FrenchFormat.euros(a.getRequestedAmount()));
    }
    if (a.getRequestedUnits() != null) {
      body.append("\nUnités demandées : ").append(a.getRequestedUnits());
    }
    body.append("\n\nLa convention vous sera adressée prochainement pour signature.");
    return store(a, NotificationKind.DECISION_GRANTED, "Dossier " + a.getReference() + " : subvention accordée", body.toString());
  }

  public Notification withdrawn(Application a, String callTitle, String reason) {
    return store(a, NotificationKind.WITHDRAWAL_ACKNOWLEDGED, "Dossier " + a.getReference() + " : désistement enregistré",
        "Nous prenons acte de votre désistement de l'appel « " + callTitle + " ».\n\nMotif indiqué : "
            + (reason == null || reason.isBlank() ? "non précisé" : reason) + "\n\nLe dossier est clos.");
  }

  /** "décision de la Commission Permanente", "décision du Préfet". */
  private String decisionOf(Application a) {
    return calls.findByReference(a.getCallReference())
        .map(c -> c.getDecidingBody() == DecidingBody.PREFET ? "décision du Préfet" : "décision de la Commission Permanente")
        .orElse("décision de l'instance compétente");
  }

  /** The State's service for a State-funded call, the Département's SPSLH otherwise. */
  private String signature(Application a) {
    return calls.findByReference(a.getCallReference())
        .filter(c -> c.getFunder().isState())
        .map(c -> c.getFunder().letterSignature())
        .orElse(DEPARTEMENT_SIGNATURE);
  }

  private Notification store(Application a, NotificationKind kind, String subject, String text) {
    String body = "Madame, Monsieur,\n\nDossier " + a.getReference() + " – " + a.getOrganization().getName()
        + " (SIRET " + a.getOrganization().getSiret() + ")\n\n" + text + "\n\n" + signature(a) + AUTOMATIC;
    return notifications.store(kind, a.getOrganization().getEmail(), subject, body, a.getReference());
  }
}
