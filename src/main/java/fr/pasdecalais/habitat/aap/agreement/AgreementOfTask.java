package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The convention a grant-agreement task works on ({@code agreementId}), for the completion rules' bounds. */
@Component
class AgreementOfTask {

  private final AgreementLifecycleService agreements;

  AgreementOfTask(AgreementLifecycleService agreements) {
    this.agreements = agreements;
  }

  /** Empty before the convention is drafted, or when it cannot be read (the rules then check the form alone). */
  Optional<GrantAgreement> of(Completion c) {
    Long id = c.id("agreementId");
    if (id == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(agreements.get(id));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  AgreementLifecycleService service() {
    return agreements;
  }
}
