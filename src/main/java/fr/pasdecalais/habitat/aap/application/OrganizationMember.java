package fr.pasdecalais.habitat.aap.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A partner account (engine user of group {@code porteurs}) that acts for an organisation. */
@Entity
@Table(name = "organization_member")
@IdClass(OrganizationMember.Key.class)
public class OrganizationMember {

  @Id
  @Column(name = "user_id", length = 64)
  private String userId;

  @Id
  @Column(name = "organization_id")
  private Long organizationId;

  protected OrganizationMember() {}

  public OrganizationMember(String userId, Long organizationId) {
    this.userId = userId;
    this.organizationId = organizationId;
  }

  public String getUserId() { return userId; }
  public Long getOrganizationId() { return organizationId; }

  public record Key(String userId, Long organizationId) implements Serializable {
    public Key() {
      this(null, null);
    }
  }
}
