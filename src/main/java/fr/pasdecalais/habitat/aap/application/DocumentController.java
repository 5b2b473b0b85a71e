package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Pieces of a dossier: {@code /api/applications/{reference}/documents}. */
@RestController
@Tag(name = "Pièces", description = "Les pièces d'un dossier")
@RequestMapping("/api/applications/{reference}/documents")
public class DocumentController {

  private final DocumentService documents;

  public DocumentController(DocumentService documents) {
    this.documents = documents;
  }

  /** What the API shows of a piece. */
  public record DocumentView(Long id, String type, String fileName, String contentType, long size, String sha256,
      String uploadedBy, Instant uploadedAt, String href) {

    static DocumentView of(String reference, ApplicationDocument d) {
      return new DocumentView(d.getId(), d.getDocumentType(), d.getFileName(), d.getContentType(), d.getSizeBytes(),
          d.getSha256(), d.getUploadedBy(), d.getUploadedAt(), "/api/applications/" + reference + "/documents/" + d.getId());
    }
  }

  @Operation(summary = "Déposer une pièce",
      description = "PDF, ODT/DOCX/XLSX, images ; 20 Mo au plus. L'organisation du dossier, les agents, le jury de l'appel.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
          description = "Formulaire multipart : le code de la pièce (`type`) et le fichier (`file`)"))
  @ApiResponse(responseCode = "201", description = "Pièce déposée")
  @ApiResponse(responseCode = "404", description = "Dossier inconnu ou invisible pour ce compte")
  @ApiResponse(responseCode = "413", description = "Fichier trop volumineux")
  @ApiResponse(responseCode = "415", description = "Type de fichier refusé")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<DocumentView> upload(@Parameter(description = "Référence du dossier, ex. AAP-2023-ASTRE-0001") @PathVariable String reference, @Parameter(description = "Code de la pièce demandée par l'appel, ex. BUDGET") @RequestParam("type") String type,
      @Parameter(description = "Le fichier") @RequestPart("file") MultipartFile file) throws IOException {
    ApplicationDocument d = documents.upload(reference, type, file.getOriginalFilename(), file.getBytes(), Caller.current());
    DocumentView view = DocumentView.of(reference, d);
    return ResponseEntity.created(URI.create(view.href())).body(view);
  }

  @Operation(summary = "Lister les pièces d'un dossier")
  @ApiResponse(responseCode = "200", description = "Les pièces")
  @ApiResponse(responseCode = "404", description = "Dossier inconnu ou invisible pour ce compte")
  @GetMapping
  public List<DocumentView> list(@Parameter(description = "Référence du dossier, ex. AAP-2023-ASTRE-0001") @PathVariable String reference) {
    return documents.list(reference, Caller.current()).stream().map(d -> DocumentView.of(reference, d)).toList();
  }

  @Operation(summary = "Télécharger une pièce")
  @ApiResponse(responseCode = "200", description = "Le fichier")
  @ApiResponse(responseCode = "404", description = "Pièce ou dossier inconnu")
  @GetMapping("/{id}")
  public ResponseEntity<byte[]> file(@Parameter(description = "Référence du dossier, ex. AAP-2023-ASTRE-0001") @PathVariable String reference, @Parameter(description = "Identifiant de la pièce") @PathVariable long id) {
    DocumentService.StoredFile f = documents.file(reference, id, Caller.current());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(f.document().getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(f.document().getFileName(), StandardCharsets.UTF_8).build().toString())
        .eTag("\"" + f.document().getSha256() + "\"")
        .body(f.content());
  }
}
