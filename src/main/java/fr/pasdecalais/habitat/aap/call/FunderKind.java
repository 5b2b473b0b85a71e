package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.identity.Groups;

/**
 * Who funds a call: the Département or the State. The kind fixes the texts of the convention and
 * the letters (who "attribue", who signs, who orders the expense) and the group that validates the
 * payments and orders the recoveries: that group is never written in a call, so that the agent who
 * creates a call cannot route the payment validation to their own group (separation of duties).
 */
public enum FunderKind {
  /** The Département du Pas-de-Calais: its finance service pays, its Président signs. */
  DEPARTEMENT("Département du Pas-de-Calais", "le Président du Conseil départemental du Pas-de-Calais",
      Groups.FINANCES),
  /** The State (DDETS, formerly DDCS): its financial service pays, the Préfet signs and orders the expense. */
  ETAT("État", "le Préfet du Pas-de-Calais", Groups.ETAT_FINANCES);

  private final String defaultName;
  private final String defaultSignatory;
  private final String payerGroup;

  FunderKind(String defaultName, String defaultSignatory, String payerGroup) {
    this.defaultName = defaultName;
    this.defaultSignatory = defaultSignatory;
    this.payerGroup = payerGroup;
  }

  /** The funder's name when the call gives none. */
  public String defaultName() {
    return defaultName;
  }

  /** Who signs for the funder when the call names nobody ("le Préfet du Pas-de-Calais"). */
  public String defaultSignatory() {
    return defaultSignatory;
  }

  /** The engine group that validates the mandates and orders the recoveries of this funder's conventions. */
  public String payerGroup() {
    return payerGroup;
  }
}
