package fr.pasdecalais.habitat.aap.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** A dossier as the applicant submits it ({@code POST /api/calls/{reference}/applications}). */
public record ApplicationRequest(
    @NotNull(message = "L'organisme porteur est obligatoire.") @Valid
    OrganizationData organization,
    @Size(max = 30, message = "Le code du lot dépasse 30 caractères.")
    String lotCode,
    @NotEmpty(message = "Au moins un territoire d'intervention est obligatoire.")
    @Size(max = MAX_LIST, message = "Au plus 100 territoires.")
    List<@NotBlank(message = "Un code de territoire est vide.") String> territories,
    @DecimalMin(value = "0.01", message = "Le montant demandé doit être strictement positif.")
    @Digits(integer = 12, fraction = 2, message = "Le montant demandé a au plus 2 décimales.")
    BigDecimal requestedAmount,
    @Min(value = 1, message = "Le nombre d'unités demandées doit être au moins 1.")
    Integer requestedUnits,
    @NotBlank(message = "La présentation du projet est obligatoire.")
    @Size(max = 4000, message = "La présentation du projet dépasse 4 000 caractères.")
    String summary) {

  /** The longest list a dossier may carry (territories, approvals). */
  public static final int MAX_LIST = 100;

  /** The applicant organisation. */
  public record OrganizationData(
      @NotBlank(message = "Le SIRET est obligatoire.") @Siret
      String siret,
      @NotBlank(message = "La raison sociale est obligatoire.") @Size(max = 200, message = "La raison sociale dépasse 200 caractères.")
      String name,
      @NotBlank(message = "La forme juridique est obligatoire.") @Size(max = 100, message = "La forme juridique dépasse 100 caractères.")
      String legalForm,
      @NotBlank(message = "Le type de porteur est obligatoire.") @Size(max = 300, message = "Le type de porteur dépasse 300 caractères.")
      String holderType,
      @Size(max = MAX_LIST, message = "Au plus 100 agréments.")
      List<@NotBlank(message = "Un agrément est vide.") @Size(max = 300, message = "Un agrément dépasse 300 caractères.") String> approvals,
      @NotBlank(message = "L'adresse est obligatoire.") @Size(max = 200, message = "L'adresse dépasse 200 caractères.")
      String street,
      @NotBlank(message = "Le code postal est obligatoire.") @Pattern(regexp = "\\d{5}", message = "Le code postal comporte 5 chiffres.")
      String postalCode,
      @NotBlank(message = "La commune est obligatoire.") @Size(max = 100, message = "La commune dépasse 100 caractères.")
      String city,
      @NotBlank(message = "L'adresse électronique est obligatoire.") @Email(message = "L'adresse électronique n'est pas valide.")
      @Size(max = 254, message = "L'adresse électronique dépasse 254 caractères.")
      String email,
      @NotBlank(message = "Le représentant légal est obligatoire.") @Size(max = 150, message = "Le nom du représentant légal dépasse 150 caractères.")
      String legalRepresentative,
      /**
       * The holder type the pieces depend on ({@code call.HolderType} code), optional: without it the
       * organisation keeps the type it declared before, and a holder of unknown type is asked every piece.
       */
      @Pattern(regexp = fr.pasdecalais.habitat.aap.call.HolderType.CODES, message = "Type de porteur inconnu ; "
          + "types possibles : ASSOCIATION, ORGANISME_AGREE, BAILLEUR_SOCIAL, COLLECTIVITE, ETABLISSEMENT_PUBLIC.")
      String holderTypeCode) {

    public OrganizationData {
      approvals = approvals == null ? List.of() : approvals;
      holderTypeCode = holderTypeCode == null || holderTypeCode.isBlank() ? null : holderTypeCode.trim();
    }

    /** An organisation that does not state its holder type. */
    public OrganizationData(String siret, String name, String legalForm, String holderType, List<String> approvals,
        String street, String postalCode, String city, String email, String legalRepresentative) {
      this(siret, name, legalForm, holderType, approvals, street, postalCode, city, email, legalRepresentative, null);
    }
  }
}
