package fr.pasdecalais.habitat.aap.export;

/**
 * The filters of an export, as query parameters: {@code call} (a call's reference), {@code year}
 * (the year its first lot opens), {@code state} (a dossier's state, or a convention's status),
 * {@code territory} (a territory code of the dossier), {@code funder} ({@code DEPARTEMENT} or
 * {@code ETAT}); each may be absent.
 */
public record ExportFilter(String call, Integer year, String state, String territory, String funder) {

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public ExportFilter {
    call = blankToNull(call);
    state = blankToNull(state);
    territory = blankToNull(territory);
    funder = blankToNull(funder);
  }
}
