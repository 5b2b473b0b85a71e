package fr.pasdecalais.habitat.aap.call;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The funder of a call as its file or {@code POST /api/calls} gives it ({@code funder:} in
 * {@code docs/call-format.md}): the Département or the State, its name, the service that instructs
 * for it, who signs, and an optional co-funder with its share. A plain text (the former format,
 * e.g. {@code funder: Département du Pas-de-Calais}) is read as a Département-funded call of that name.
 */
public record Funder(
    @NotNull(message = "Le type de financeur est obligatoire (DEPARTEMENT ou ETAT).")
    FunderKind kind,
    @Size(max = 200, message = "Le nom du financeur dépasse 200 caractères.")
    String name,
    @Size(max = 300, message = "Le service du financeur dépasse 300 caractères.")
    String service,
    @Size(max = 200, message = "Le signataire du financeur dépasse 200 caractères.")
    String signatory,
    @Valid
    CoFunder coFunder) {

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public Funder(@JsonProperty("kind") FunderKind kind, @JsonProperty("name") String name,
      @JsonProperty("service") String service, @JsonProperty("signatory") String signatory,
      @JsonProperty("coFunder") CoFunder coFunder) {
    this.kind = kind;
    this.name = name;
    this.service = service;
    this.signatory = signatory;
    this.coFunder = coFunder;
  }

  /** The former plain-text form: a Département-funded call whose funder is named so. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Funder ofText(String text) {
    return new Funder(FunderKind.DEPARTEMENT, text, null, null, null);
  }

  /** The name, or the kind's ("Département du Pas-de-Calais", "État") when the call gives none. */
  public String nameOrDefault() {
    return blank(name) ? (kind == null ? null : kind.defaultName()) : name.trim();
  }

  /** The signatory, or the kind's ("le Préfet du Pas-de-Calais") when the call gives none. */
  public String signatoryOrDefault() {
    return blank(signatory) ? (kind == null ? null : kind.defaultSignatory()) : signatory.trim();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Another body funding part of the action, e.g. the State at 74,85 % of the eligible costs. */
  public record CoFunder(
      @NotBlank(message = "Le nom du cofinanceur est obligatoire.") @Size(max = 200, message = "Le nom du cofinanceur dépasse 200 caractères.")
      String name,
      @NotNull(message = "La part du cofinanceur est obligatoire (en %).")
      @DecimalMin(value = "0.01", message = "La part du cofinanceur est comprise entre 0,01 et 100 %.")
      @DecimalMax(value = "100.00", message = "La part du cofinanceur est comprise entre 0,01 et 100 %.")
      @Digits(integer = 3, fraction = 2, message = "La part du cofinanceur a au plus 2 décimales.")
      BigDecimal sharePercent) {}
}
