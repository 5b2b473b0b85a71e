package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import java.time.LocalDate;

/** The date of a report received: not in the future, not before the convention's period begins. */
final class ReportRules {

  private ReportRules() {}

  static LocalDate receivedOn(Completion c, AgreementOfTask agreement, String label) {
    LocalDate start = agreement.of(c).map(GrantAgreement::getPeriodStart).orElse(null);
    LocalDate received = c.pastDate("reportReceivedOn", label, true);
    c.notBefore("reportReceivedOn", label, received, start, "le début de la convention");
    return received;
  }
}
