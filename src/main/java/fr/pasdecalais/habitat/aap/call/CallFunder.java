package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/**
 * The funder of a call as stored (V27): kind, name, service, signatory and co-funder. What every
 * text of a convention follows: who "attribue", who is "représenté par", who signs and orders the
 * expense, and which group validates the payments ({@link FunderKind#payerGroup()}).
 */
@Embeddable
public class CallFunder {

  @Enumerated(EnumType.STRING)
  @Column(name = "funder_kind", nullable = false, length = 20)
  private FunderKind kind;

  @Column(name = "funder", nullable = false, length = 200)
  private String name;

  @Column(name = "funder_service", length = 300)
  private String service;

  @Column(name = "funder_signatory", nullable = false, length = 200)
  private String signatory;

  @Column(name = "co_funder_name", length = 200)
  private String coFunderName;

  @Column(name = "co_funder_share", precision = 5, scale = 2)
  private BigDecimal coFunderShare;

  protected CallFunder() {}

  public CallFunder(FunderKind kind, String name, String service, String signatory, String coFunderName,
      BigDecimal coFunderShare) {
    this.kind = kind;
    this.name = name;
    this.service = service;
    this.signatory = signatory;
    this.coFunderName = coFunderName;
    this.coFunderShare = coFunderShare;
  }

  static CallFunder of(Funder f) {
    Funder.CoFunder co = f.coFunder();
    return new CallFunder(f.kind(), f.nameOrDefault(), blankToNull(f.service()), f.signatoryOrDefault(),
        co == null ? null : co.name().trim(), co == null ? null : co.sharePercent());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public FunderKind getKind() {
    return kind;
  }

  public boolean isState() {
    return kind == FunderKind.ETAT;
  }

  public String getName() {
    return name;
  }

  public String getService() {
    return service;
  }

  public String getSignatory() {
    return signatory;
  }

  public String getCoFunderName() {
    return coFunderName;
  }

  public BigDecimal getCoFunderShare() {
    return coFunderShare;
  }

  /** "74,85 %" (null without co-funder). */
  public String coFunderShareLabel() {
    if (coFunderShare == null) {
      return null;
    }
    java.text.DecimalFormat f = new java.text.DecimalFormat("0.##",
        java.text.DecimalFormatSymbols.getInstance(java.util.Locale.FRANCE));
    return f.format(coFunderShare) + " %";
  }

  /** The group that validates this funder's mandates and orders its recoveries. */
  public String payerGroup() {
    return kind.payerGroup();
  }

  /** The definition it was made from (what {@code GET /api/calls/{ref}} shows, and {@code POST} takes back). */
  public Funder toDefinition() {
    return new Funder(kind, name, service, signatory,
        coFunderName == null ? null : new Funder.CoFunder(coFunderName, coFunderShare));
  }

  /** "le Département", "l'État": the funder as the texts name it after the first mention. */
  public String shortName() {
    return isState() ? "l'État" : "le Département";
  }

  /** "Le Département", "L'État". */
  public String shortNameCapitalised() {
    return isState() ? "L'État" : "Le Département";
  }

  /** The signature of letters: the service (when given) and the funder. */
  public String letterSignature() {
    if (isState()) {
      return (service == null ? "Direction départementale de l'emploi, du travail et des solidarités (DDETS)" : service)
          + "\nPour " + signatory;
    }
    return (service == null ? "Le service des politiques sociales du logement et de l'habitat" : service)
        + "\n" + name;
  }
}
