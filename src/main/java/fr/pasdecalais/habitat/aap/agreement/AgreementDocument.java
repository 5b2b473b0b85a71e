package fr.pasdecalais.habitat.aap.agreement;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A generated document of a convention (the convention itself, an avenant), stored as bytes. */
@Entity
@Table(name = "agreement_document")
public class AgreementDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "agreement_id", nullable = false)
  private Long agreementId;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "media_type", nullable = false, length = 100)
  private String mediaType;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] content;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected AgreementDocument() {}

  AgreementDocument(Long agreementId, String fileName, String mediaType, byte[] content, Instant createdAt) {
    this.agreementId = agreementId;
    this.fileName = fileName;
    this.mediaType = mediaType;
    this.content = content;
    this.sizeBytes = content.length;
    this.createdAt = createdAt;
  }

  public Long getId() { return id; }
  public Long getAgreementId() { return agreementId; }
  public String getFileName() { return fileName; }
  public String getMediaType() { return mediaType; }
  public byte[] getContent() { return content; }
  public long getSizeBytes() { return sizeBytes; }
  public Instant getCreatedAt() { return createdAt; }
}
