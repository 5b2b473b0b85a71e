package fr.pasdecalais.habitat.aap.agreement;

import fr.pasdecalais.habitat.aap.application.ApplicationAccess;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Conventions", description = "Les conventions, leurs paiements, bilans et documents")
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

  @Operation(summary = "Lire la convention d'un dossier",
      description = "Agents, service financier, et les comptes partenaires de l'organisation du dossier (404 pour tout autre compte partenaire). Jamais de note du jury.")
  @ApiResponse(responseCode = "200", description = "La convention")
  @ApiResponse(responseCode = "404", description = "Pas de convention, ou dossier invisible pour ce compte")
  @GetMapping("/api/applications/{reference}/agreement")
  @PreAuthorize(READERS)
  public AgreementReading.AgreementView ofApplication(@Parameter(description = "Référence du dossier, ex. AAP-2023-ASTRE-0001") @PathVariable String reference) {
    checkPartner(reference);
    return reading.ofApplication(reference).orElseThrow(() -> DomainException.notFound(
        "Le dossier « " + reference + " » n'a pas de convention."));
  }

  @Operation(summary = "Lister les paiements de la convention d'un dossier")
  @ApiResponse(responseCode = "200", description = "Les paiements")
  @ApiResponse(responseCode = "404", description = "Pas de convention, ou dossier invisible pour ce compte")
  @GetMapping("/api/applications/{reference}/agreement/payments")
  @PreAuthorize(READERS)
  public List<AgreementReading.PaymentView> payments(@Parameter(description = "Référence du dossier, ex. AAP-2023-ASTRE-0001") @PathVariable String reference) {
    return ofApplication(reference).payments();
  }

  @Operation(summary = "Lister les bilans de la convention d'un dossier")
  @ApiResponse(responseCode = "200", description = "Les bilans")
  @ApiResponse(responseCode = "404", description = "Pas de convention, ou dossier invisible pour ce compte")
  @GetMapping("/api/applications/{reference}/agreement/reports")
  @PreAuthorize(READERS)
  public List<AgreementReading.ReportView> reports(@Parameter(description = "Référence du dossier, ex. AAP-2023-ASTRE-0001") @PathVariable String reference) {
    return ofApplication(reference).reports();
  }

  @Operation(summary = "Montants d'un appel : accordé, versé, recouvré",
      description = "Agents et service financier du Département.")
  @ApiResponse(responseCode = "200", description = "Les montants")
  @ApiResponse(responseCode = "404", description = "Appel inconnu")
  @GetMapping("/api/calls/{reference}/agreement-totals")
  public AgreementReading.CallTotals callTotals(@Parameter(description = "Référence de l'appel, ex. AAP-2023-ASTRE") @PathVariable String reference) {
    calls.getByReference(reference); // 404 for an unknown call rather than zeros
    return reading.callTotals(reference);
  }

  @Operation(summary = "Télécharger un document de convention (PDF)")
  @ApiResponse(responseCode = "200", description = "Le document")
  @ApiResponse(responseCode = "404", description = "Document inconnu, ou convention invisible pour ce compte")
  @GetMapping("/api/agreements/{agreementId}/documents/{documentId}")
  @PreAuthorize(READERS)
  public ResponseEntity<byte[]> document(@Parameter(description = "Identifiant de la convention") @PathVariable Long agreementId, @Parameter(description = "Identifiant du document") @PathVariable Long documentId) {
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
