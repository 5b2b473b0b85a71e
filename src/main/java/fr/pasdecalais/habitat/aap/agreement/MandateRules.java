package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import java.time.LocalDate;

/** The form "payment-mandate", shared by the advance's and the balance's mandate tasks. */
final class MandateRules {

  static final String MANDATE_NUMBER = "[A-Za-z0-9][A-Za-z0-9/_.-]{0,59}";

  private MandateRules() {}

  static void check(Completion c, AgreementOfTask agreement) {
    LocalDate signed = agreement.of(c).map(GrantAgreement::getSignedOn).orElse(null);
    LocalDate paid = c.pastDate("paymentDate", "Date de paiement", true);
    c.notBefore("paymentDate", "Date de paiement", paid, signed, "la signature de la convention");
    c.identifier("mandateNumber", "Numéro de mandat", true, MANDATE_NUMBER,
        "lettres, chiffres et / _ . -, 60 caractères au plus");
  }
}
