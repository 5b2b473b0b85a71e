package fr.pasdecalais.habitat.aap.call;

/** Whether a jury gives opinions before the agents' proposal (call format: {@code selectionMode}). */
public enum SelectionMode {
  /** Jury session, opinions, then the jury's synthesis (the default). */
  WITH_JURY,
  /** Instruction, then the agents' proposal (amounts, envelope) and the decision: no jury session. */
  WITHOUT_JURY;

  /** The default when the call does not say. */
  public static SelectionMode orDefault(SelectionMode m) {
    return m == null ? WITH_JURY : m;
  }
}
