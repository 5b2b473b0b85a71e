package fr.pasdecalais.habitat.aap.payment;

/** What a payment order is for. */
public enum PaymentKind {
  /** Avance versée à la signature de la convention. */
  ADVANCE("Avance"),
  /** Versement intermédiaire, à l'approbation d'un bilan intermédiaire (n° {@code instalment}). */
  INSTALMENT("Versement intermédiaire"),
  /** Solde versé au service fait (ou sur le bilan final approuvé). */
  BALANCE("Solde"),
  /** Titre de recette : reversement de ce qui a été versé en trop. */
  RECOVERY("Titre de recette");

  private final String label;

  PaymentKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
