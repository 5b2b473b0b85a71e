package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/**
 * One holder type a call's piece is asked of ({@code requiredDocuments[].holderTypes}): a row of
 * {@code call_required_document_holder_type}. A piece without any is asked of every holder.
 */
@Embeddable
public class PieceHolderType {

  @Column(name = "document_code", nullable = false, length = 40)
  private String documentCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "holder_type", nullable = false, length = 30)
  private HolderType holderType;

  protected PieceHolderType() {}

  public PieceHolderType(String documentCode, HolderType holderType) {
    this.documentCode = documentCode;
    this.holderType = holderType;
  }

  public String getDocumentCode() {
    return documentCode;
  }

  public HolderType getHolderType() {
    return holderType;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PieceHolderType other && Objects.equals(documentCode, other.documentCode)
        && holderType == other.holderType;
  }

  @Override
  public int hashCode() {
    return Objects.hash(documentCode, holderType);
  }
}
