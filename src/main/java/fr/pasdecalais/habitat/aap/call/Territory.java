package fr.pasdecalais.habitat.aap.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Reference data: the territories named by the calls (Département, territories of action, EPCIs,
 * the MDS). Seeded by Flyway ({@code V2__calls.sql}); the MDS are rows, changeable without a release.
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

  protected Territory() {}

  public Territory(String code, String name, TerritoryKind kind, String parentCode) {
    this.code = code;
    this.name = name;
    this.kind = kind;
    this.parentCode = parentCode;
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
}
