package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A piece the dossiers of a call must (or may) contain. */
@Embeddable
public class RequiredDocument {

  @Column(nullable = false, length = 40)
  private String code;
  @Column(nullable = false, length = 300)
  private String label;
  @Column(nullable = false)
  private boolean mandatory;

  protected RequiredDocument() {}

  public RequiredDocument(String code, String label, boolean mandatory) {
    this.code = code;
    this.label = label;
    this.mandatory = mandatory;
  }

  public String getCode() {
    return code;
  }

  public String getLabel() {
    return label;
  }

  public boolean isMandatory() {
    return mandatory;
  }
}
