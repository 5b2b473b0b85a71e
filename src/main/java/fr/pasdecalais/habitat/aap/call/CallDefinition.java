package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The declarative form of a call (one YAML file per call under {@code calls/}, or the JSON body
 * of {@code POST /api/calls}); documented in {@code docs/call-format.md}. Field checks are Jakarta
 * Validation annotations with French messages; checks across fields are in {@link CallDefinitionValidator}.
 */
public record CallDefinition(
    @NotBlank(message = "La référence est obligatoire.")
    @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,59}", message = "La référence ne contient que des majuscules, chiffres et tirets (3 à 60 caractères), par exemple AAP-2023-ASTRE.")
    String reference,
    @NotBlank(message = "Le titre est obligatoire.") @Size(max = 300, message = "Le titre dépasse 300 caractères.")
    String title,
    @Size(max = 300, message = "L'axe dépasse 300 caractères.")
    String axis,
    @NotNull(message = "Le financeur est obligatoire.") @Valid
    Funder funder,
    @NotNull(message = "L'instance de décision est obligatoire (COMMISSION_PERMANENTE ou PREFET).")
    DecidingBody decidingBody,
    @Size(max = 4000, message = "La description dépasse 4 000 caractères.")
    String description,
    List<@NotBlank(message = "Un type de porteur éligible est vide.") String> eligibleHolderTypes,
    List<@NotBlank(message = "Un agrément requis est vide.") String> requiredAgrements,
    @NotEmpty(message = "Au moins un territoire est obligatoire.")
    List<@NotBlank(message = "Un code de territoire est vide.") String> territories,
    Boolean allowsMultipleApplications,
    @NotEmpty(message = "Au moins un lot est obligatoire.")
    List<@Valid @NotNull(message = "Un lot est vide.") Lot> lots,
    List<@Valid @NotNull(message = "Une pièce est vide.") RequiredDocument> requiredDocuments,
    List<@Valid @NotNull(message = "Un critère est vide.") Criterion> selectionCriteria,
    List<@Valid @NotNull(message = "Un indicateur est vide.") Indicator> indicators,
    List<@Valid @NotNull(message = "Un membre du jury est vide.") JuryMember> jury,
    List<@Valid @NotNull(message = "Une échéance de bilan est vide.") ReportingMilestone> reporting,
    @NotNull(message = "La règle de financement est obligatoire.") @Valid
    Funding funding,
    @NotNull(message = "Les modalités de versement sont obligatoires.") @Valid
    Payment payment,
    /** WHOLE_CALL (default) or PER_LOT: each lot decided as soon as it closes. */
    SelectionTimeline selection,
    /** WITH_JURY (default) or WITHOUT_JURY: instruction, then the agents' proposal and the decision. */
    SelectionMode selectionMode) {

  public CallDefinition {
    eligibleHolderTypes = eligibleHolderTypes == null ? List.of() : eligibleHolderTypes;
    requiredAgrements = requiredAgrements == null ? List.of() : requiredAgrements;
    territories = territories == null ? List.of() : territories;
    lots = lots == null ? List.of() : lots;
    requiredDocuments = requiredDocuments == null ? List.of() : requiredDocuments;
    selectionCriteria = selectionCriteria == null ? List.of() : selectionCriteria;
    indicators = indicators == null ? List.of() : indicators;
    jury = jury == null ? List.of() : jury;
    reporting = reporting == null ? List.of() : reporting;
    selection = SelectionTimeline.orDefault(selection);
    selectionMode = SelectionMode.orDefault(selectionMode);
  }

  /** A lot (or the single window of a call): its territories, window, convention period and envelope. */
  public record Lot(
      @NotBlank(message = "Le code du lot est obligatoire.")
      @Pattern(regexp = "[A-Z0-9_-]{1,30}", message = "Le code du lot ne contient que des majuscules, chiffres, tirets ou soulignés (30 au plus), par exemple AMI1.")
      String code,
      @NotBlank(message = "Le libellé du lot est obligatoire.") @Size(max = 200, message = "Le libellé du lot dépasse 200 caractères.")
      String label,
      List<@NotBlank(message = "Un code de territoire est vide.") String> territories,
      /** Omitted: the lot opens when the call is published. */
      @JsonDeserialize(using = ParisDateTime.Deserializer.class)
      OffsetDateTime opensAt,
      @NotNull(message = "La date de clôture est obligatoire.") @JsonDeserialize(using = ParisDateTime.Deserializer.class)
      OffsetDateTime closesAt,
      @NotNull(message = "Le début de la période de convention est obligatoire.")
      LocalDate conventionStart,
      @NotNull(message = "La fin de la période de convention est obligatoire.")
      LocalDate conventionEnd,
      @NotNull(message = "L'enveloppe budgétaire du lot est obligatoire.")
      @DecimalMin(value = "0.01", message = "L'enveloppe budgétaire doit être strictement positive.")
      @Digits(integer = 12, fraction = 2, message = "L'enveloppe budgétaire a au plus 2 décimales.")
      BigDecimal budget,
      @Valid
      Funding funding,
      @Valid
      Payment payment) {

    public Lot {
      territories = territories == null ? List.of() : territories;
    }

    /** A lot that follows the call's funding rule and payment terms. */
    public Lot(String code, String label, List<String> territories, OffsetDateTime opensAt, OffsetDateTime closesAt,
        LocalDate conventionStart, LocalDate conventionEnd, BigDecimal budget) {
      this(code, label, territories, opensAt, closesAt, conventionStart, conventionEnd, budget, null, null);
    }

    /** The lot's own funding rule, else the call's. */
    public Funding fundingOr(Funding callFunding) {
      return funding != null ? funding : callFunding;
    }

    /** The lot's own payment terms, else the call's. */
    public Payment paymentOr(Payment callPayment) {
      return payment != null ? payment : callPayment;
    }
  }

  /** A piece every dossier must (or may) contain. */
  public record RequiredDocument(
      @NotBlank(message = "Le code de la pièce est obligatoire.") @Pattern(regexp = "[A-Z0-9_]{1,40}", message = "Le code de la pièce ne contient que des majuscules, chiffres et soulignés.")
      String code,
      @NotBlank(message = "Le libellé de la pièce est obligatoire.") @Size(max = 300, message = "Le libellé de la pièce dépasse 300 caractères.")
      String label,
      Boolean mandatory,
      /** The holder types the piece is asked of ({@link HolderType} codes); empty: every holder. */
      List<@NotBlank(message = "Un type de porteur de la pièce est vide.")
          @Pattern(regexp = HolderType.CODES, message = "Type de porteur inconnu ; types possibles : ASSOCIATION, "
              + "ORGANISME_AGREE, BAILLEUR_SOCIAL, COLLECTIVITE, ETABLISSEMENT_PUBLIC.") String> holderTypes) {

    public RequiredDocument {
      holderTypes = holderTypes == null ? List.of() : holderTypes;
    }

    /** A piece asked of every holder. */
    public RequiredDocument(String code, String label, Boolean mandatory) {
      this(code, label, mandatory, List.of());
    }

    public boolean isMandatory() {
      return mandatory == null || mandatory;
    }
  }

  /** A selection criterion with its weight (weights sum to 100) and the maximum score of a jury member. */
  public record Criterion(
      @NotBlank(message = "Le code du critère est obligatoire.") @Pattern(regexp = "[A-Z0-9_]{1,40}", message = "Le code du critère ne contient que des majuscules, chiffres et soulignés.")
      String code,
      @NotBlank(message = "Le libellé du critère est obligatoire.") @Size(max = 300, message = "Le libellé du critère dépasse 300 caractères.")
      String label,
      @NotNull(message = "Le poids du critère est obligatoire.") @Min(value = 1, message = "Le poids du critère doit être au moins 1.") @Max(value = 100, message = "Le poids du critère ne peut dépasser 100.")
      Integer weight,
      @NotNull(message = "La note maximale est obligatoire.") @Min(value = 1, message = "La note maximale doit être au moins 1.") @Max(value = 100, message = "La note maximale ne peut dépasser 100.")
      Integer maxScore) {}

  /** An evaluation indicator, collected in the reports. */
  public record Indicator(
      @NotBlank(message = "Le code de l'indicateur est obligatoire.") @Pattern(regexp = "[A-Z0-9_]{1,40}", message = "Le code de l'indicateur ne contient que des majuscules, chiffres et soulignés.")
      String code,
      @NotBlank(message = "Le libellé de l'indicateur est obligatoire.") @Size(max = 300, message = "Le libellé de l'indicateur dépasse 300 caractères.")
      String label,
      @Size(max = 40, message = "L'unité de l'indicateur dépasse 40 caractères.")
      String unit) {}

  /** A member of the selection jury: an engine user id and the body they represent. */
  public record JuryMember(
      @NotBlank(message = "L'identifiant du membre du jury est obligatoire.") @Pattern(regexp = "[a-zA-Z0-9._-]{1,64}", message = "L'identifiant du membre du jury n'est pas un identifiant d'utilisateur valide.")
      String userId,
      @NotBlank(message = "Le nom du membre du jury est obligatoire.") @Size(max = 200, message = "Le nom du membre du jury dépasse 200 caractères.")
      String fullName,
      @NotBlank(message = "L'instance représentée est obligatoire.") @Size(max = 200, message = "L'instance représentée dépasse 200 caractères.")
      String body) {}

  /**
   * A report the holder owes, as the documents write it: once at {@code monthsAfterStart} months
   * or at fixed {@code dates}; recurring ({@code MONTHLY}, {@code QUARTERLY}, {@code YEARLY});
   * {@code ON_DEMAND} (requested by an agent, due {@code delayDays} later); the final one at
   * {@code monthsAfterStart}, {@code monthsAfterEnd} months after the end, or in the year after the
   * end by {@code inYearAfterEnd} ({@code MM-DD}). See docs/call-format.md.
   */
  public record ReportingMilestone(
      @NotBlank(message = "Le code du bilan est obligatoire.") @Pattern(regexp = "[A-Z0-9_]{1,40}", message = "Le code du bilan ne contient que des majuscules, chiffres et soulignés.")
      String code,
      @NotBlank(message = "Le libellé du bilan est obligatoire.") @Size(max = 300, message = "Le libellé du bilan dépasse 300 caractères.")
      String label,
      @NotNull(message = "Le type de bilan est obligatoire (INTERIM, FINAL ou COMMITTEE).")
      ReportKind kind,
      ReportFrequency frequency,
      @Min(value = 0, message = "L'échéance du bilan ne peut être négative.") @Max(value = 60, message = "L'échéance du bilan ne peut dépasser 60 mois.")
      Integer monthsAfterStart,
      @Min(value = 0, message = "Le délai après la fin de la convention ne peut être négatif.") @Max(value = 24, message = "Le délai après la fin de la convention ne peut dépasser 24 mois.")
      Integer monthsAfterEnd,
      @Pattern(regexp = "(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", message = "La date limite en n+1 s'écrit MM-JJ (par exemple 06-30).")
      String inYearAfterEnd,
      List<@NotNull(message = "Une date de bilan est vide.") LocalDate> dates,
      @Min(value = 1, message = "Le délai d'un bilan demandé est d'au moins un jour.") @Max(value = 365, message = "Le délai d'un bilan demandé ne peut dépasser 365 jours.")
      Integer delayDays) {

    public ReportingMilestone {
      dates = dates == null ? List.of() : dates;
      frequency = frequency == null ? ReportFrequency.ONCE : frequency;
    }

    /** A report due once, {@code monthsAfterStart} months after the start. */
    public ReportingMilestone(String code, String label, ReportKind kind, Integer monthsAfterStart) {
      this(code, label, kind, ReportFrequency.ONCE, monthsAfterStart, null, null, List.of(), null);
    }
  }

  /** Interim report (or reporting table), final report, or a follow-up committee (a dated milestone). */
  public enum ReportKind { INTERIM, FINAL, COMMITTEE }

  /** How a dossier's amount is computed; see {@link FundingKind}. */
  public record Funding(
      @NotNull(message = "Le type de financement est obligatoire (FIXED, CAP_PER_UNIT, UNIT_PRICES ou PRORATED).")
      FundingKind kind,
      @DecimalMin(value = "0.01", message = "Le montant doit être strictement positif.")
      @Digits(integer = 12, fraction = 2, message = "Le montant a au plus 2 décimales.")
      BigDecimal amount,
      @Size(max = 60, message = "L'unité dépasse 60 caractères.")
      String unitLabel,
      @Min(value = 1, message = "La durée de référence doit être d'au moins 1 mois.")
      Integer baseMonths,
      @Min(value = 1, message = "Le nombre de situations de référence doit être d'au moins 1.")
      Integer baseQuantity,
      List<@Valid @NotNull(message = "Un prix unitaire est vide.") UnitPrice> unitPrices) {

    public Funding {
      unitPrices = unitPrices == null ? List.of() : unitPrices;
    }
  }

  /** A unit and its price, e.g. VEJ at 162,38 €. {@code withinEnvelope}: paid inside the lot's envelope. */
  public record UnitPrice(
      @NotBlank(message = "Le code de l'unité est obligatoire.") @Pattern(regexp = "[A-Z0-9_]{1,40}", message = "Le code de l'unité ne contient que des majuscules, chiffres et soulignés.")
      String code,
      @NotBlank(message = "Le libellé de l'unité est obligatoire.") @Size(max = 200, message = "Le libellé de l'unité dépasse 200 caractères.")
      String label,
      @NotNull(message = "Le prix unitaire est obligatoire.")
      @DecimalMin(value = "0.01", message = "Le prix unitaire doit être strictement positif.")
      @Digits(integer = 12, fraction = 2, message = "Le prix unitaire a au plus 2 décimales.")
      BigDecimal price) {}

  /**
   * Share paid at signature, the instalments paid when an interim report is approved, and what
   * triggers the rest (the balance, the remainder).
   */
  public record Payment(
      @NotNull(message = "La part versée à la signature est obligatoire.")
      @Min(value = 0, message = "La part versée à la signature est comprise entre 0 et 100 %.")
      @Max(value = 100, message = "La part versée à la signature est comprise entre 0 et 100 %.")
      Integer advancePercent,
      @NotNull(message = "Le déclencheur du solde est obligatoire (SERVICE_FAIT, FINAL_REPORT_N_PLUS_1 ou NONE).")
      BalanceTrigger balanceTrigger,
      List<@Valid @NotNull(message = "Un versement intermédiaire est vide.") Instalment> instalments) {

    public Payment {
      instalments = instalments == null ? List.of() : instalments;
    }

    public Payment(Integer advancePercent, BalanceTrigger balanceTrigger) {
      this(advancePercent, balanceTrigger, List.of());
    }
  }

  /** An intermediate instalment: a share of the granted amount paid once the named interim report is approved. */
  public record Instalment(
      @NotNull(message = "La part du versement intermédiaire est obligatoire.")
      @Min(value = 1, message = "La part d'un versement intermédiaire est comprise entre 1 et 99 %.")
      @Max(value = 99, message = "La part d'un versement intermédiaire est comprise entre 1 et 99 %.")
      Integer percent,
      @NotBlank(message = "Le bilan intermédiaire qui déclenche le versement est obligatoire (code d'un bilan INTERIM).")
      String afterReport) {}
}
