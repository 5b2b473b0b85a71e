package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.call.HolderType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** A porteur de projet / opérateur, identified by its SIRET. */
@Entity
@Table(name = "organization")
public class Organization {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 14, unique = true)
  private String siret;

  @Column(nullable = false, length = 200)
  private String name;

  /** e.g. "Association loi 1901", "SA d'HLM". */
  @Column(name = "legal_form", nullable = false, length = 100)
  private String legalForm;

  /** The type of holder the calls' eligibility rules speak of (e.g. ASSOCIATION, BAILLEUR_SOCIAL). */
  @Column(name = "holder_type", nullable = false, length = 300)
  private String holderType;

  /**
   * The type the pieces of a call depend on (an association's Cerfa, an approved body's agrément), as
   * declared with the latest dossier that stated one; none: unknown, every piece is asked. Table
   * {@code organization_holder_type}, its key the organisation: at most one element, a row only once
   * a type is declared (an optional secondary table would do the same, but Hibernate writes it with a
   * MERGE that H2 refuses: {@code cast(? as varchar(null))}).
   */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "organization_holder_type", joinColumns = @JoinColumn(name = "organization_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "holder_type", nullable = false, length = 30)
  private Set<HolderType> declaredHolderType = new LinkedHashSet<>();

  /** Agréments held, e.g. "L.365-3 CCH (intermédiation locative)". */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "organization_approval", joinColumns = @JoinColumn(name = "organization_id"))
  @Column(name = "approval", length = 300)
  private Set<String> approvals = new LinkedHashSet<>();

  @Column(nullable = false, length = 200)
  private String street;

  @Column(name = "postal_code", nullable = false, length = 5)
  private String postalCode;

  @Column(nullable = false, length = 100)
  private String city;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(name = "legal_representative", nullable = false, length = 150)
  private String legalRepresentative;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version
  private long version;

  protected Organization() {}

  public Organization(String siret, Instant createdAt) {
    this.siret = siret;
    this.createdAt = createdAt;
  }

  /** Updates what the applicant declared (the latest dossier's data wins). */
  public void update(String name, String legalForm, String holderType, Set<String> approvals, String street,
      String postalCode, String city, String email, String legalRepresentative) {
    this.name = name;
    this.legalForm = legalForm;
    this.holderType = holderType;
    this.approvals.clear();
    if (approvals != null) {
      this.approvals.addAll(approvals);
    }
    this.street = street;
    this.postalCode = postalCode;
    this.city = city;
    this.email = email;
    this.legalRepresentative = legalRepresentative;
  }

  /** Records the declared type (the latest dossier's wins); nothing when the dossier did not state one. */
  public void declareHolderType(String holderTypeCode) {
    HolderType.of(holderTypeCode).ifPresent(t -> {
      if (!declaredHolderType.contains(t)) {
        declaredHolderType.clear();
        declaredHolderType.add(t);
      }
    });
  }

  public Optional<HolderType> getDeclaredHolderType() { return declaredHolderType.stream().findFirst(); }
  public Long getId() { return id; }
  public String getSiret() { return siret; }
  public String getName() { return name; }
  public String getLegalForm() { return legalForm; }
  public String getHolderType() { return holderType; }
  public Set<String> getApprovals() { return approvals; }
  public String getStreet() { return street; }
  public String getPostalCode() { return postalCode; }
  public String getCity() { return city; }
  public String getEmail() { return email; }
  public String getLegalRepresentative() { return legalRepresentative; }
}
