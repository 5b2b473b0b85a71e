package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.application.process.ApplicationProcess;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.identity.EngineAsSystem;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tika.Tika;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Pieces of the dossiers, stored in the database with their SHA-256, size and the content type
 * detected from the bytes (Apache Tika). A piece uploaded while the dossier waits for a
 * regularisation sends {@code Message_PiecesReceived} to it, which brings it back to the
 * completeness check.
 */
@Service
public class DocumentService {

  /** Content types accepted: PDF, ODT, DOCX, XLSX and images. */
  public static final Set<String> ACCEPTED = Set.of(
      "application/pdf",
      "application/vnd.oasis.opendocument.text",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "image/png", "image/jpeg", "image/gif", "image/tiff", "image/webp", "image/bmp");

  private final ApplicationDocumentRepository documents;
  private final DocumentContentRepository contents;
  private final ApplicationAccess access;
  private final Instruction instruction;
  private final ApplicationTimeline timeline;
  private final CallCatalog calls;
  private final RuntimeService runtime;
  private final EngineAsSystem engine;
  private final DataSize maxSize;
  private static final Tika TIKA = new Tika();

  public DocumentService(ApplicationDocumentRepository documents, DocumentContentRepository contents,
      ApplicationAccess access, Instruction instruction, ApplicationTimeline timeline, CallCatalog calls, RuntimeService runtime,
      EngineAsSystem engine, @Value("${aap.documents.max-size:20MB}") DataSize maxSize) {
    this.documents = documents;
    this.contents = contents;
    this.access = access;
    this.instruction = instruction;
    this.timeline = timeline;
    this.calls = calls;
    this.runtime = runtime;
    this.engine = engine;
    this.maxSize = maxSize;
  }

  /** Stores a piece of a dossier. 400 unknown type or empty file, 409 closed dossier, 413 too large, 415 refused format. */
  @Transactional
  public ApplicationDocument upload(String reference, String type, String fileName, byte[] bytes, Caller caller) {
    Application a = access.actionable(reference, caller);
    if (ApplicationState.FINAL.contains(a.getState())) {
      throw DomainException.conflict("Le dossier « " + reference + " » est clos (" + a.getState().label()
          + ") : il n'accepte plus de pièce.");
    }
    Map<String, String> labels = instruction.documentLabels(calls.getByReference(a.getCallReference()));
    if (type == null || !labels.containsKey(type)) {
      throw DomainException.invalid("type", "Le type de pièce « " + type + " » n'est pas demandé par l'appel ; types possibles : "
          + String.join(", ", labels.keySet()) + ".");
    }
    if (bytes == null || bytes.length == 0) {
      throw DomainException.invalid("file", "Le fichier est vide.");
    }
    if (bytes.length > maxSize.toBytes()) {
      throw new DomainException(DomainException.Kind.TOO_LARGE, "Fichier trop volumineux", "Le fichier fait "
          + megabytes(bytes.length) + " ; la taille maximale est de " + megabytes(maxSize.toBytes()) + ".");
    }
    String name = fileName == null || fileName.isBlank() ? type.toLowerCase()
        : fileName.replaceAll("[\\\\/\\p{Cntrl}\"\u202A-\u202E\u2066-\u2069]", "_");
    String detected = detect(bytes, name);
    if (!ACCEPTED.contains(detected)) {
      throw new DomainException(DomainException.Kind.UNSUPPORTED_CONTENT, "Format de fichier refusé", "Le contenu du fichier « "
          + name + " » est de type « " + detected + " » : seuls les fichiers PDF, ODT, DOCX, XLSX et les images "
          + "(PNG, JPEG, GIF, TIFF, WebP, BMP) sont acceptés.");
    }
    String refusal = DocumentChecks.refusal(name, detected, bytes);
    if (refusal != null) {
      throw new DomainException(DomainException.Kind.UNSUPPORTED_CONTENT, "Fichier refusé", refusal);
    }
    ApplicationDocument d = documents.saveAndFlush(new ApplicationDocument(a.getId(), type,
        name.length() > 255 ? name.substring(name.length() - 255) : name, detected, bytes.length, sha256(bytes),
        caller.userId(), EngineClock.now()));
    contents.save(new DocumentContent(d.getId(), bytes));
    timeline.log(a, caller.userId(), "PIECE", "Pièce déposée : " + labels.get(type) + " (" + d.getFileName() + ", "
        + megabytes(bytes.length) + ").");
    engine.run(() -> runtime.createMessageCorrelation(ApplicationProcess.MSG_PIECES_RECEIVED)
        .processInstanceBusinessKey(reference)
        .correlateAllWithResult());
    return d;
  }

  @Transactional(readOnly = true)
  public List<ApplicationDocument> list(String reference, Caller caller) {
    return list(access.readable(reference, caller).getId());
  }

  @Transactional(readOnly = true)
  public List<ApplicationDocument> list(long applicationId) {
    return documents.findByApplicationIdOrderByUploadedAtAscIdAsc(applicationId);
  }

  /** A piece and its bytes. */
  public record StoredFile(ApplicationDocument document, byte[] content) {}

  @Transactional(readOnly = true)
  public StoredFile file(String reference, long documentId, Caller caller) {
    Application a = access.readable(reference, caller);
    ApplicationDocument d = documents.findByIdAndApplicationId(documentId, a.getId())
        .orElseThrow(() -> DomainException.notFound("Le dossier « " + reference + " » n'a pas de pièce n° " + documentId + "."));
    return new StoredFile(d, contents.findById(d.getId()).orElseThrow().getContent());
  }

  /**
   * The content type from the bytes (magic numbers); the name only refines a type the bytes already
   * show, e.g. a ZIP container with {@code [Content_Types].xml} into DOCX or XLSX.
   */
  static String detect(byte[] bytes, String name) {
    String type = TIKA.detect(bytes, name);
    if (type.equals(DOCX) && !hasOoxmlParts(bytes, "word/")) {
      return "application/zip";
    }
    if (type.equals(XLSX) && !hasOoxmlParts(bytes, "xl/")) {
      return "application/zip";
    }
    return type;
  }

  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** tika-core names an OOXML file from its extension once it sees a ZIP: check that the parts are there. */
  private static boolean hasOoxmlParts(byte[] bytes, String partPrefix) {
    boolean contentTypes = false;
    boolean part = false;
    try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
      for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null && !(contentTypes && part); e = zip.getNextEntry()) {
        contentTypes |= e.getName().equals("[Content_Types].xml");
        part |= e.getName().startsWith(partPrefix);
      }
    } catch (java.io.IOException e) {
      return false;
    }
    return contentTypes && part;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String megabytes(long bytes) {
    return String.format(java.util.Locale.FRANCE, "%.1f Mo", bytes / 1024.0 / 1024.0);
  }
}
