package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.shared.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Conventions for agents: the agreement of a dossier (payments, reports, amendments, documents),
 * the totals of a call, and the generated convention PDF the forms link to.
 */
@RestController
@PreAuthorize("hasAnyRole('instructeurs', 'finances', 'superviseurs', 'camunda-admin')")
public class AgreementController {

  private final fr.pasdecalais.habitat.aap.call.CallCatalog calls;

  private final AgreementReading reading;

  public AgreementController(AgreementReading reading, fr.pasdecalais.habitat.aap.call.CallCatalog calls) {
    this.calls = calls;
    this.reading = reading;
  }

  @GetMapping("/api/applications/{reference}/agreement")
  public AgreementReading.AgreementView ofApplication(@PathVariable String reference) {
    return reading.ofApplication(reference).orElseThrow(() -> DomainException.notFound(
        "Le dossier « " + reference + " » n'a pas de convention."));
  }

  @GetMapping("/api/calls/{reference}/agreement-totals")
  public AgreementReading.CallTotals callTotals(@PathVariable String reference) {
    calls.getByReference(reference); // 404 for an unknown call rather than zeros
    return reading.callTotals(reference);
  }

  @GetMapping("/api/agreements/{agreementId}/documents/{documentId}")
  public ResponseEntity<byte[]> document(@PathVariable Long agreementId, @PathVariable Long documentId) {
    AgreementDocument d = reading.document(agreementId, documentId).orElseThrow(() -> DomainException.notFound(
        "Aucun document n° " + documentId + " pour la convention n° " + agreementId + "."));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(d.getMediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(d.getFileName()).build().toString())
        .body(d.getContent());
  }
}
