package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.application.ApplicationAccess;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Conventions for agents and for the organisation that holds them: the agreement of a dossier
 * (payments, reports, amendments, documents), its payments, its reports, the generated convention
 * PDF the forms link to; and the totals of a call (agents). A partner account reads only the
 * conventions of the organisations it is a member of ({@link ApplicationAccess#isMember}); for any
 * other it gets 404, as for a dossier it may not read, so that existence does not leak. Jurors'
 * scores are never part of a convention.
 */
@RestController
@PreAuthorize("hasAnyRole('instructeurs', 'finances', 'superviseurs', 'camunda-admin')")
public class AgreementController {

  /** Who may read a dossier's convention: agents, finance, and the partner accounts (their organisations only). */
  private static final String READERS = "hasAnyRole('porteurs', 'instructeurs', 'finances', 'superviseurs', 'camunda-admin')";

  private final fr.pasdecalais.habitat.aap.call.CallCatalog calls;

  private final AgreementReading reading;

  private final ApplicationAccess access;

  public AgreementController(AgreementReading reading, fr.pasdecalais.habitat.aap.call.CallCatalog calls,
      ApplicationAccess access) {
    this.calls = calls;
    this.reading = reading;
    this.access = access;
  }

  @GetMapping("/api/applications/{reference}/agreement")
  @PreAuthorize(READERS)
  public AgreementReading.AgreementView ofApplication(@PathVariable String reference) {
    checkPartner(reference);
    return reading.ofApplication(reference).orElseThrow(() -> DomainException.notFound(
        "Le dossier « " + reference + " » n'a pas de convention."));
  }

  @GetMapping("/api/applications/{reference}/agreement/payments")
  @PreAuthorize(READERS)
  public List<AgreementReading.PaymentView> payments(@PathVariable String reference) {
    return ofApplication(reference).payments();
  }

  @GetMapping("/api/applications/{reference}/agreement/reports")
  @PreAuthorize(READERS)
  public List<AgreementReading.ReportView> reports(@PathVariable String reference) {
    return ofApplication(reference).reports();
  }

  @GetMapping("/api/calls/{reference}/agreement-totals")
  public AgreementReading.CallTotals callTotals(@PathVariable String reference) {
    calls.getByReference(reference); // 404 for an unknown call rather than zeros
    return reading.callTotals(reference);
  }

  @GetMapping("/api/agreements/{agreementId}/documents/{documentId}")
  @PreAuthorize(READERS)
  public ResponseEntity<byte[]> document(@PathVariable Long agreementId, @PathVariable Long documentId) {
    DomainException missing = DomainException.notFound(
        "Aucun document n° " + documentId + " pour la convention n° " + agreementId + ".");
    if (restrictedToOwn(Caller.current())) {
      String reference = reading.applicationReference(agreementId).orElseThrow(() -> missing);
      if (!ownedByCaller(reference)) {
        throw missing;
      }
    }
    AgreementDocument d = reading.document(agreementId, documentId).orElseThrow(() -> missing);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(d.getMediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(d.getFileName()).build().toString())
        .body(d.getContent());
  }

  /** A partner account reads only its organisations' conventions: 404 for the others (like their dossiers). */
  private void checkPartner(String reference) {
    if (restrictedToOwn(Caller.current()) && !ownedByCaller(reference)) {
      throw ApplicationAccess.notFound(reference);
    }
  }

  private boolean ownedByCaller(String reference) {
    return access.isMemberOf(reference, Caller.current());
  }

  /** A partner account that is not also an agent or a finance officer. */
  private static boolean restrictedToOwn(Caller caller) {
    return !caller.isAgent() && !caller.groups().contains(Groups.FINANCES);
  }
}
