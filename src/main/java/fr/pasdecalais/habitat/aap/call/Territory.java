package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Reference data: the territories named by the calls (Département, territories of action, EPCIs,
 * communes, the MDS). Seeded by Flyway ({@code V2__calls.sql}, {@code V28_32__territories_intercommunalities.sql});
 * rows, added and corrected by instructeurs without a release ({@link TerritoryDirectory}).
 */
@Entity
@Table(name = "territory")
public class Territory {

  @Id
  @Column(length = 40)
  private String code;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private TerritoryKind kind;

  /** The territory this one belongs to (an EPCI or MDS in a territory of action), or null. */
  @Column(name = "parent_code", length = 40)
  private String parentCode;

  /** The SIREN of an EPCI, the INSEE code of a commune; null for the other kinds. Unique when given. */
  @Column(name = "official_code", unique = true, length = 9)
  private String officialCode;

  protected Territory() {}

  public Territory(String code, String name, TerritoryKind kind, String parentCode) {
    this(code, name, kind, parentCode, null);
  }

  public Territory(String code, String name, TerritoryKind kind, String parentCode, String officialCode) {
    this.code = code;
    this.name = name;
    this.kind = kind;
    this.parentCode = parentCode;
    this.officialCode = officialCode;
  }

  /** Corrects what an instructeur may change (everything but the code), checked by {@link TerritoryDirectory}. */
  void correct(String name, TerritoryKind kind, String parentCode, String officialCode) {
    this.name = name;
    this.kind = kind;
    this.parentCode = parentCode;
    this.officialCode = officialCode;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public TerritoryKind getKind() {
    return kind;
  }

  public String getParentCode() {
    return parentCode;
  }

  public String getOfficialCode() {
    return officialCode;
  }
}
