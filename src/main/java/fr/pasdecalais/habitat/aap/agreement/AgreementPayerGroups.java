package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.payment.PayerGroups;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The payer group of a convention: its call's funder kind ({@code call.FunderKind#payerGroup()}). */
@Service
public class AgreementPayerGroups implements PayerGroups {

  private final GrantAgreementRepository agreements;
  private final CallCatalog calls;

  public AgreementPayerGroups(GrantAgreementRepository agreements, CallCatalog calls) {
    this.agreements = agreements;
    this.calls = calls;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<String> payerGroupOf(Long agreementId) {
    if (agreementId == null) {
      return Optional.empty();
    }
    return agreements.findById(agreementId)
        .flatMap(a -> calls.findByReference(a.getCallReference()))
        .map(call -> call.getFunder().payerGroup());
  }
}
