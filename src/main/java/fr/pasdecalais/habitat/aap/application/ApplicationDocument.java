package fr.pasdecalais.habitat.aap.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A piece of a dossier: its type (from the call's required list), file name, detected content type, size and SHA-256. */
@Entity
@Table(name = "application_document")
public class ApplicationDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false)
  private Long applicationId;

  @Column(name = "document_type", nullable = false, length = 40)
  private String documentType;

  @Column(name = "file_name", nullable = false, length = 255)
  private String fileName;

  /** Detected from the bytes by Apache Tika, not taken from the client. */
  @Column(name = "content_type", nullable = false, length = 120)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "uploaded_by", nullable = false, length = 64)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected ApplicationDocument() {}

  public ApplicationDocument(Long applicationId, String documentType, String fileName, String contentType,
      long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
    this.applicationId = applicationId;
    this.documentType = documentType;
    this.fileName = fileName;
    this.contentType = contentType;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  public Long getId() { return id; }
  public Long getApplicationId() { return applicationId; }
  public String getDocumentType() { return documentType; }
  public String getFileName() { return fileName; }
  public String getContentType() { return contentType; }
  public long getSizeBytes() { return sizeBytes; }
  public String getSha256() { return sha256; }
  public String getUploadedBy() { return uploadedBy; }
  public Instant getUploadedAt() { return uploadedAt; }
}
