package fr.pasdecalais.habitat.aap.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A partner account (engine user of group {@code porteurs}) that acts for an organisation. Granted
 * by an agent (API or the task "Valider le rattachement d'un compte partenaire"), never taken by a
 * filing; {@code grantedAt}/{@code grantedBy} are null for links made before V14 and for the demo data.
 */
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

  @Column(name = "granted_at")
  private Instant grantedAt;

  @Column(name = "granted_by", length = 64)
  private String grantedBy;

  protected OrganizationMember() {}

  public OrganizationMember(String userId, Long organizationId) {
    this.userId = userId;
    this.organizationId = organizationId;
  }

  public OrganizationMember(String userId, Long organizationId, Instant grantedAt, String grantedBy) {
    this(userId, organizationId);
    this.grantedAt = grantedAt;
    this.grantedBy = grantedBy;
  }

  public String getUserId() { return userId; }
  public Long getOrganizationId() { return organizationId; }
  public Instant getGrantedAt() { return grantedAt; }
  public String getGrantedBy() { return grantedBy; }

  public record Key(String userId, Long organizationId) implements Serializable {
    public Key() {
      this(null, null);
    }
  }
}
