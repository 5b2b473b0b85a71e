package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.identity.Caller;
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

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<DocumentView> upload(@PathVariable String reference, @RequestParam("type") String type,
      @RequestPart("file") MultipartFile file) throws IOException {
    ApplicationDocument d = documents.upload(reference, type, file.getOriginalFilename(), file.getBytes(), Caller.current());
    DocumentView view = DocumentView.of(reference, d);
    return ResponseEntity.created(URI.create(view.href())).body(view);
  }

  @GetMapping
  public List<DocumentView> list(@PathVariable String reference) {
    return documents.list(reference, Caller.current()).stream().map(d -> DocumentView.of(reference, d)).toList();
  }

  @GetMapping("/{id}")
  public ResponseEntity<byte[]> file(@PathVariable String reference, @PathVariable long id) {
    DocumentService.StoredFile f = documents.file(reference, id, Caller.current());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(f.document().getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(f.document().getFileName(), StandardCharsets.UTF_8).build().toString())
        .eTag("\"" + f.document().getSha256() + "\"")
        .body(f.content());
  }
}
