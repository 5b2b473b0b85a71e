package fr.pasdecalais.habitat.aap.call;

/** When a call's dossiers are selected and decided (call format: {@code selection}). */
public enum SelectionTimeline {
  /** Once every lot is closed, all lots in one jury session, one synthesis, one decision (the default). */
  WHOLE_CALL,
  /** Each lot as soon as it closes: its own count, jury session, synthesis, report and decision. */
  PER_LOT;

  /** The default when the call does not say. */
  public static SelectionTimeline orDefault(SelectionTimeline t) {
    return t == null ? WHOLE_CALL : t;
  }
}
