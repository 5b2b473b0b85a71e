package fr.pasdecalais.habitat.aap.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of a piece, apart from its metadata. */
@Entity
@Table(name = "application_document_content")
public class DocumentContent {

  @Id
  @Column(name = "document_id")
  private Long documentId;

  @Column(nullable = false)
  private byte[] content;

  protected DocumentContent() {}

  public DocumentContent(Long documentId, byte[] content) {
    this.documentId = documentId;
    this.content = content;
  }

  public byte[] getContent() { return content; }
}
