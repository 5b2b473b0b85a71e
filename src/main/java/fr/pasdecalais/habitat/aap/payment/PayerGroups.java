package fr.pasdecalais.habitat.aap.payment;

import java.util.Optional;

/**
 * Which finance group pays (and recovers) for a convention: {@code finances} for a Département-funded
 * call, {@code etat-finances} for a State-funded one ({@code call.FunderKind#payerGroup()}). Implemented
 * by the agreement capability, so that the payment capability reads neither the conventions nor the calls.
 */
public interface PayerGroups {

  /** The payer group of the convention, empty for an unknown convention. */
  Optional<String> payerGroupOf(Long agreementId);
}
